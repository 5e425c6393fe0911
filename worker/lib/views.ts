import type {
  AdminEvent,
  AdminRegistration,
  AdminSession,
  InvitationView,
  OutboxMessage,
} from "../../core/contract/index";
import type { EventRow, InvitationRow, OutboxRow, ProgrammeSessionRow, RegistrationRow } from "../../server/db/schema";
import { dueAt } from "../../server/invitations/policy";
import { asGiven } from "../../server/texts";

/** Rows as the organizer API shows them: times as ISO strings, internal columns left out. */
const iso = (ms: number) => new Date(ms).toISOString();

export function eventView(e: EventRow): AdminEvent {
  return {
    id: e.id,
    workspaceId: e.workspaceId,
    slug: e.slug,
    title: asGiven(e, "title"),
    description: asGiven(e, "description"),
    timezone: e.timezone,
    startsAt: iso(e.startsAt),
    endsAt: iso(e.endsAt),
    inviteLeadMinutes: e.inviteLeadMinutes,
    invitesAt: iso(dueAt(null, e)),
    registrationOpen: e.registrationOpen,
    capacity: e.capacity,
    defaultLanguage: e.defaultLanguage,
    languages: e.languages,
    fields: e.fields,
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
  };
}

export function sessionView(s: ProgrammeSessionRow): AdminSession {
  return {
    id: s.id,
    eventId: s.eventId,
    kind: s.kind,
    title: asGiven(s, "title"),
    description: asGiven(s, "description"),
    startsAt: iso(s.startsAt),
    endsAt: iso(s.endsAt),
    capacity: s.capacity,
    selectable: s.selectable,
    audience: s.audience,
    parentSessionId: s.parentSessionId,
    streamUrl: s.streamUrl,
  };
}

export function invitationView(
  i: InvitationRow,
  due: number,
  registration?: { name: string; email: string },
): InvitationView {
  return {
    id: i.id,
    registrationId: i.registrationId,
    kind: i.kind,
    linkVersion: i.linkVersion,
    state: i.state,
    dueAt: iso(due),
    attempts: i.attempts,
    lastError: i.lastError,
    sentAt: i.sentAt === null ? null : iso(i.sentAt),
    createdAt: iso(i.createdAt),
    ...(registration ? { registration } : {}),
  };
}

export function registrationView(
  r: RegistrationRow,
  invitation: (InvitationRow & { due: number }) | undefined,
): AdminRegistration {
  return {
    id: r.id,
    eventId: r.eventId,
    name: r.name,
    email: r.email,
    language: r.language,
    role: r.role,
    attributes: r.attributes,
    selections: r.selections,
    linkVersion: r.linkVersion,
    linkStatus: r.linkRevokedAt === null ? "active" : "revoked",
    invitation: invitation ? invitationView(invitation, invitation.due) : null,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function outboxView(m: OutboxRow): OutboxMessage {
  return {
    id: m.id,
    eventId: m.eventId,
    to: m.toAddress,
    subject: m.subject,
    text: m.textBody,
    html: m.htmlBody,
    createdAt: iso(m.createdAt),
  };
}
