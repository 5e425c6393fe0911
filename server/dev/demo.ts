import type { Config } from "../config";
import type { Db } from "../db/client";
import { ensureAutoInvitations } from "../db/invitations";
import { runBatch } from "../db/batch";
import { findEvent, findEventBySlug, insertEvent, updateEvent } from "../db/events";
import { insertNetworkingSettings, insertPreferences } from "../db/networking";
import { insertRegistrations, registrationsIn } from "../db/registrations";
import type { EventRow, NewEventRow, NewProgrammeSessionRow, RegistrationRow, Translations } from "../db/schema";
import { insertSession, insertSessions, sessionsOfEvents, updateSession, updateSessions } from "../db/sessions";
import type { AttributeValue, RegistrationField } from "../../core/contract/index";
import type { Language, Role, SessionKind } from "../../core/protocol/identity";
import { newId } from "../ids";
import { personalLink } from "../links";
import { searchKeyOf } from "../search-key";

export const DEMO_SLUG = "demo";

const MINUTE = 60_000;

interface DemoPerson {
  name: string;
  email: string;
  role: Role;
  language: Language;
  attributes: Record<string, AttributeValue>;
  /** `key`s of the demo sessions this person selected when registering. */
  selections?: string[];
}

/**
 * Five people with different roles and attributes, so personalisation shows at once. Ada picked
 * the edge breakout; Chloé, who may join either breakout too, picked none, so follow asks her.
 */
export const demoPeople: readonly DemoPerson[] = [
  {
    name: "Mia Moderator",
    email: "mia@demo.foyer.test",
    role: "moderator",
    language: "en",
    attributes: { ticket: "staff", organisation: "Foyer" },
  },
  {
    name: "Pim Producer",
    email: "pim@demo.foyer.test",
    role: "producer",
    language: "nl",
    attributes: { ticket: "staff", organisation: "Foyer" },
  },
  {
    name: "Ada Lovelace",
    email: "ada@demo.foyer.test",
    role: "participant",
    language: "en",
    attributes: { ticket: "vip", organisation: "Analytical Engines", interests: ["ai", "hardware"] },
    selections: ["edge"],
  },
  {
    name: "Bram de Vries",
    email: "bram@demo.foyer.test",
    role: "participant",
    language: "nl",
    attributes: { ticket: "standard", organisation: "Polder Labs", interests: ["design"] },
  },
  {
    name: "Chloé Martin",
    email: "chloe@demo.foyer.test",
    role: "participant",
    language: "en",
    attributes: { ticket: "speaker", organisation: "Lumière", interests: ["ai", "design"] },
  },
];

interface DemoSession {
  key?: string;
  /** The `key` of the session this one belongs to (a stream room's stage). */
  parent?: string;
  kind: SessionKind;
  title: string;
  description: string;
  /** Minutes after the event start. */
  from: number;
  to: number;
  audience: NewProgrammeSessionRow["audience"];
  /** Offered on the registration form; parallel selectable sessions are alternatives. */
  selectable?: boolean;
}

const demoSessions: readonly DemoSession[] = [
  {
    key: "stage",
    kind: "stage",
    title: "Main stage: opening and keynote",
    description: "Welcome, keynote and live Q&A.",
    from: 0,
    to: 180,
    audience: { kind: "everyone" },
  },
  // The studio of the main stage: people whose raised hand a moderator approves talk here, live.
  { parent: "stage", ...streamRoom() },
  // Two breakouts at the same time: people who may join both pick one (on the form or when
  // follow asks), so nobody is sent to whichever the programme happens to list first.
  {
    key: "edge",
    kind: "breakout",
    title: "Breakout: building for the edge",
    description: "For VIPs and speakers: a hands-on session.",
    from: 45,
    to: 90,
    audience: {
      kind: "attributes",
      conditions: [{ attribute: "ticket", op: "in", values: ["vip", "speaker", "staff"] }],
    },
    selectable: true,
  },
  {
    key: "critique",
    kind: "breakout",
    title: "Breakout: design critique",
    description: "Bring your work, get feedback.",
    from: 45,
    to: 90,
    audience: { kind: "everyone" },
    selectable: true,
  },
  {
    kind: "carousel",
    title: "Networking carousel",
    description: "Meet other participants in timed one-to-one rounds.",
    from: 120,
    to: 150,
    audience: { kind: "everyone" },
  },
];

function streamRoom(): Omit<DemoSession, "parent"> {
  return {
    kind: "stream-room",
    title: "Stream room: main stage",
    description: "The studio: participants a moderator approves from the raise-hand queue talk with the producer here.",
    from: 0,
    to: 180,
    audience: { kind: "everyone" },
  };
}

/**
 * The demo's texts in Dutch, by their English title, so Bram and Pim (Dutch) read their programme
 * and the form in Dutch. Kept apart from the sessions above, which only say what happens when.
 */
const DUTCH: Record<string, { title: string; description: string }> = {
  "Foyer Demo Day": {
    title: "Foyer Demodag",
    description: "Een demo-evenement: een live podium, twee deelsessies en een netwerkcarrousel.",
  },
  "Main stage: opening and keynote": {
    title: "Hoofdpodium: opening en keynote",
    description: "Welkom, keynote en live vragen.",
  },
  "Stream room: main stage": {
    title: "Streamruimte: hoofdpodium",
    description:
      "De studio: deelnemers die een moderator uit de rij met opgestoken handen toelaat, praten hier met de producer.",
  },
  "Breakout: building for the edge": {
    title: "Deelsessie: bouwen voor de edge",
    description: "Voor vip's en sprekers: een praktijksessie.",
  },
  "Breakout: design critique": {
    title: "Deelsessie: ontwerpkritiek",
    description: "Neem je werk mee en krijg feedback.",
  },
  "Networking carousel": {
    title: "Netwerkcarrousel",
    description: "Ontmoet andere deelnemers in 1-op-1-rondes met een vaste tijd.",
  },
};

/** An English demo text with its Dutch one, as the organizer API would store them. */
function inDutchToo(texts: { title: string; description: string }): Translations {
  const nl = DUTCH[texts.title];
  return nl
    ? { title: { en: texts.title, nl: nl.title }, description: { en: texts.description, nl: nl.description } }
    : {};
}

const DEMO_TITLE = "Foyer Demo Day";
const DEMO_DESCRIPTION = "A demo event: a live stage, two breakouts and a networking carousel.";

/** The demo's form, in English and Dutch; options are the values stored in attributes. */
export const demoFields: RegistrationField[] = [
  {
    kind: "choice",
    key: "ticket",
    label: { en: "Ticket", nl: "Ticket" },
    required: true,
    options: ["standard", "vip", "speaker"],
    optionLabels: {
      standard: { en: "Standard", nl: "Standaard" },
      vip: { en: "VIP", nl: "VIP" },
      speaker: { en: "Speaker", nl: "Spreker" },
    },
  },
  {
    kind: "text",
    key: "organisation",
    label: { en: "Organisation", nl: "Organisatie" },
    required: false,
    maxLength: 120,
  },
  {
    kind: "multi-choice",
    key: "interests",
    label: { en: "Interests", nl: "Interesses" },
    required: false,
    options: ["ai", "design", "hardware"],
    optionLabels: {
      ai: { en: "AI", nl: "AI" },
      design: { en: "Design", nl: "Ontwerp" },
      hardware: { en: "Hardware", nl: "Hardware" },
    },
  },
];

export interface DemoResult {
  event: { id: string; slug: string; title: string; startsAt: string; endsAt: string };
  created: boolean;
  people: { name: string; email: string; role: Role; link: string }[];
}

/**
 * Seeds the demo event when it is missing. An existing demo event whose day has passed moves to
 * start now again, so `npm start` on another day still shows a live stage.
 */
export async function ensureDemo(db: Db, config: Config, now: number, workspaceId: string): Promise<DemoResult> {
  let event = await findEventBySlug(db, DEMO_SLUG);
  let created = false;
  const start = Math.floor(now / MINUTE) * MINUTE - 5 * MINUTE;
  if (event && event.workspaceId === null) {
    // A demo seeded before workspaces existed joins the caller's workspace.
    await updateEvent(db, event.id, { workspaceId });
    event = { ...event, workspaceId };
  }
  if (!event) {
    try {
      event = await createDemo(db, start, workspaceId);
      created = true;
    } catch (err) {
      // Two first calls at once: the slug's unique index lets one win; the other uses its demo.
      event = await findEventBySlug(db, DEMO_SLUG);
      if (!event) throw err;
    }
  } else if (event.endsAt <= now) {
    event = await shiftDemo(db, event, start);
  }
  if (!created) {
    await ensureStreamRoom(db, event);
    await ensureSelectableBreakouts(db, event);
    event = await ensureDutch(db, event);
  }
  // Every demo person gets their invitation; the event has started, so it is due at once and
  // lands in the outbox (or goes through SES) right after seeding.
  await ensureAutoInvitations(db, event.id);
  // Only the demo's own people: anyone who registered on the public page gets their link by
  // e-mail, like at a real event, and `npm start` must not print it for whoever reads the log.
  const order = (r: RegistrationRow) => demoPeople.findIndex((p) => p.email === r.email);
  const people = (await registrationsIn(db, event.id)).filter((r) => order(r) >= 0);
  people.sort((a, b) => order(a) - order(b));
  return {
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      startsAt: new Date(event.startsAt).toISOString(),
      endsAt: new Date(event.endsAt).toISOString(),
    },
    created,
    people: await Promise.all(
      people.map(async (r) => ({
        name: r.name,
        email: r.email,
        role: r.role,
        link: await personalLink(config, r, event),
      })),
    ),
  };
}

async function createDemo(db: Db, start: number, workspaceId: string): Promise<EventRow> {
  const eventId = newId("evt");
  const event: NewEventRow = {
    id: eventId,
    workspaceId,
    slug: DEMO_SLUG,
    title: DEMO_TITLE,
    description: DEMO_DESCRIPTION,
    translations: inDutchToo({ title: DEMO_TITLE, description: DEMO_DESCRIPTION }),
    timezone: "Europe/Amsterdam",
    startsAt: start,
    endsAt: start + 240 * MINUTE,
    registrationOpen: true,
    fields: demoFields,
  };
  const people = demoPeople.map((p) => ({ ...p, id: newId("reg") }));
  const settings = { organisationAttribute: "organisation", directoryAttributes: ["interests"] };
  const ids = new Map(demoSessions.map((s, i) => [s.key ?? String(i), newId("ses")]));
  // One batch: the demo appears whole or not at all.
  await runBatch(db, [
    insertEvent(db, event),
    insertSessions(
      db,
      demoSessions.map((s, i) => ({
        id: ids.get(s.key ?? String(i))!,
        eventId,
        kind: s.kind,
        title: s.title,
        description: s.description,
        translations: inDutchToo(s),
        startsAt: start + s.from * MINUTE,
        endsAt: start + s.to * MINUTE,
        audience: s.audience,
        selectable: s.selectable ?? false,
        parentSessionId: s.parent ? ids.get(s.parent)! : null,
      })),
    ),
    insertRegistrations(
      db,
      people.map(({ id, ...p }) => ({
        id,
        eventId,
        email: p.email,
        emailNorm: p.email.toLowerCase(),
        name: p.name,
        language: p.language,
        role: p.role,
        attributes: p.attributes,
        selections: (p.selections ?? []).map((key) => ids.get(key)!),
      })),
    ),
    // The demo's participants chose to be listed in the directory, so it has people to find;
    // the staff did not (anyone else starts unlisted too).
    insertNetworkingSettings(db, eventId, settings),
    insertPreferences(
      db,
      people
        .filter((p) => p.role === "participant")
        .map((p) => ({
          registrationId: p.id,
          eventId,
          listed: true,
          invitations: true,
          searchKey: searchKeyOf(p, settings),
        })),
    ),
  ]);
  return (await findEvent(db, eventId))!;
}

/** A demo seeded before stream rooms existed gets its stage's stream room now. */
async function ensureStreamRoom(db: Db, event: EventRow): Promise<void> {
  const sessions = await sessionsOfEvents(db, [event.id]);
  const stage = sessions.find((s) => s.kind === "stage");
  if (!stage || sessions.some((s) => s.kind === "stream-room" && s.parentSessionId === stage.id)) return;
  const room = streamRoom();
  await insertSession(db, {
    id: newId("ses"),
    eventId: event.id,
    kind: room.kind,
    title: room.title,
    description: room.description,
    translations: inDutchToo(room),
    startsAt: stage.startsAt,
    endsAt: stage.endsAt,
    audience: room.audience,
    parentSessionId: stage.id,
  });
}

/**
 * A demo seeded before its breakouts were selectable gets them now, so the registration form
 * offers them. Only when no session of the demo is selectable: an organizer's own choice stays.
 */
async function ensureSelectableBreakouts(db: Db, event: EventRow): Promise<void> {
  const sessions = await sessionsOfEvents(db, [event.id]);
  if (sessions.some((s) => s.selectable)) return;
  const titles = new Set(demoSessions.filter((s) => s.selectable).map((s) => s.title));
  const breakouts = sessions.filter((s) => s.kind === "breakout" && titles.has(s.title));
  if (breakouts.length === 0) return;
  await updateSessions(
    db,
    breakouts.map((s) => s.id),
    { selectable: true, updatedAt: Date.now() },
  );
}

/**
 * A demo seeded before texts had languages gets its Dutch texts now: the event's, the sessions'
 * still called as seeded, and the form's questions that still carry one plain label.
 */
async function ensureDutch(db: Db, event: EventRow): Promise<EventRow> {
  if (event.translations.title) return event;
  const sessions = await sessionsOfEvents(db, [event.id]);
  const fields = event.fields.map((f) =>
    typeof f.label === "string" ? (demoFields.find((d) => d.key === f.key && d.kind === f.kind) ?? f) : f,
  );
  await runBatch(db, [
    updateEvent(db, event.id, { translations: inDutchToo(event), fields }),
    ...sessions
      .filter((s) => !s.translations.title && DUTCH[s.title])
      .map((s) => updateSession(db, s.id, { translations: inDutchToo(s) })),
  ]);
  return (await findEvent(db, event.id))!;
}

async function shiftDemo(db: Db, event: EventRow, start: number): Promise<EventRow> {
  const delta = start - event.startsAt;
  const sessions = await sessionsOfEvents(db, [event.id]);
  await runBatch(db, [
    updateEvent(db, event.id, {
      startsAt: event.startsAt + delta,
      endsAt: event.endsAt + delta,
      updatedAt: Date.now(),
    }),
    ...sessions.map((s) =>
      updateSession(db, s.id, { startsAt: s.startsAt + delta, endsAt: s.endsAt + delta, updatedAt: Date.now() }),
    ),
  ]);
  return (await findEvent(db, event.id))!;
}
