import { format, language } from "../i18n";
import type { Language } from "../../../core/protocol/identity";

/**
 * The organizer pages' own catalogue: kept out of the participant bundle, sharing its language
 * choice and formatting. English is the source of keys; Dutch must have every one.
 */
const en = {
  "admin.title": "Foyer organizer",
  "admin.token.heading": "Sign in",
  "admin.token.label": "Admin token",
  "admin.token.help": "The ADMIN_TOKEN setting. It stays in this browser tab only.",
  "admin.token.name": "Your name (for the audit log, optional)",
  "admin.token.submit": "Sign in",
  "admin.token.invalid": "That token was refused.",
  "admin.signOut": "Sign out",
  "admin.loading": "Loading…",
  "admin.failed": "Something went wrong: {reason}",
  "admin.event.label": "Event",
  "admin.event.none": "There are no events yet. Create one through the organizer API (see /api/openapi.json).",
  "admin.nav.label": "Sections",
  "admin.tab.registrations": "Registrations",
  "admin.tab.outbox": "Outbox",
  "admin.search.label": "Search by name or e-mail",
  "admin.search.submit": "Search",
  "admin.total": "{count, plural, one {# registration} other {# registrations}}",
  "admin.col.name": "Name",
  "admin.col.email": "E-mail",
  "admin.col.role": "Role",
  "admin.col.invitation": "Invitation",
  "admin.col.link": "Link",
  "admin.col.actions": "Actions",
  "admin.roleOf": "Role of {name}",
  "admin.role.participant": "Participant",
  "admin.role.moderator": "Moderator",
  "admin.role.producer": "Producer",
  "admin.state.none": "None yet",
  "admin.state.queued": "Queued, due {due}",
  "admin.state.sending": "Sending",
  "admin.state.sent": "Sent {at}",
  "admin.state.failed": "Failed: {error}",
  "admin.attempts": "{count, plural, one {# attempt} other {# attempts}}",
  "admin.link.active": "Active (v{version})",
  "admin.link.revoked": "Revoked",
  "admin.action.send": "Send now",
  "admin.action.rotate": "New link",
  "admin.action.revoke": "Revoke",
  "admin.actionsFor": "Actions for {name}",
  "admin.confirm.rotate": "Give {name} a new link and e-mail it now? Their current link stops working.",
  "admin.confirm.revoke": "Revoke {name}'s link? They can no longer enter until you give them a new one.",
  "admin.sendAll": "Send invitations now to everyone still waiting",
  "admin.confirm.sendAll.title": "Send the invitations now?",
  "admin.confirm.sendAll.body":
    "Everyone registered for {event} whose invitation has not gone out yet gets it now, instead of at its planned time. Sent e-mails cannot be called back.",
  "admin.confirm.sendAll.ok": "Send them now",
  "admin.confirm.cancel": "Cancel",
  "admin.result.scheduled": "{queued} new, {rescheduled} moved to now, {skipped} skipped.",
  "admin.result.rotated": "{name} has a new link; it is on its way.",
  "admin.result.revoked": "{name}'s link is revoked.",
  "admin.result.role": "{name} is now {role}.",
  "admin.more": "Load more",
  "admin.outbox.empty": "The outbox is empty.",
  "admin.outbox.disabled": "E-mail goes through Amazon SES here; there is no local outbox.",
  "admin.outbox.caption": "E-mails the local outbox received, newest first",
  "admin.outbox.to": "To {to}",
  "admin.refresh": "Refresh",
} as const;

type Key = keyof typeof en;

const nl: Record<Key, string> = {
  "admin.title": "Foyer organisator",
  "admin.token.heading": "Aanmelden",
  "admin.token.label": "Beheertoken",
  "admin.token.help": "De instelling ADMIN_TOKEN. Hij blijft alleen in dit browsertabblad.",
  "admin.token.name": "Je naam (voor het auditlogboek, optioneel)",
  "admin.token.submit": "Aanmelden",
  "admin.token.invalid": "Dat token werd geweigerd.",
  "admin.signOut": "Afmelden",
  "admin.loading": "Bezig met laden…",
  "admin.failed": "Er ging iets mis: {reason}",
  "admin.event.label": "Evenement",
  "admin.event.none": "Er zijn nog geen evenementen. Maak er een via de organisator-API (zie /api/openapi.json).",
  "admin.nav.label": "Onderdelen",
  "admin.tab.registrations": "Inschrijvingen",
  "admin.tab.outbox": "Postvak uit",
  "admin.search.label": "Zoek op naam of e-mail",
  "admin.search.submit": "Zoeken",
  "admin.total": "{count, plural, one {# inschrijving} other {# inschrijvingen}}",
  "admin.col.name": "Naam",
  "admin.col.email": "E-mail",
  "admin.col.role": "Rol",
  "admin.col.invitation": "Uitnodiging",
  "admin.col.link": "Link",
  "admin.col.actions": "Acties",
  "admin.roleOf": "Rol van {name}",
  "admin.role.participant": "Deelnemer",
  "admin.role.moderator": "Moderator",
  "admin.role.producer": "Producer",
  "admin.state.none": "Nog geen",
  "admin.state.queued": "In de wachtrij, gepland {due}",
  "admin.state.sending": "Wordt verstuurd",
  "admin.state.sent": "Verstuurd {at}",
  "admin.state.failed": "Mislukt: {error}",
  "admin.attempts": "{count, plural, one {# poging} other {# pogingen}}",
  "admin.link.active": "Actief (v{version})",
  "admin.link.revoked": "Ingetrokken",
  "admin.action.send": "Nu versturen",
  "admin.action.rotate": "Nieuwe link",
  "admin.action.revoke": "Intrekken",
  "admin.actionsFor": "Acties voor {name}",
  "admin.confirm.rotate": "{name} een nieuwe link geven en die nu mailen? De huidige link werkt dan niet meer.",
  "admin.confirm.revoke": "De link van {name} intrekken? Diegene kan pas weer binnen met een nieuwe link.",
  "admin.sendAll": "Stuur nu uitnodigingen naar iedereen die nog wacht",
  "admin.confirm.sendAll.title": "De uitnodigingen nu versturen?",
  "admin.confirm.sendAll.body":
    "Iedereen die voor {event} is ingeschreven en nog geen uitnodiging heeft gekregen, krijgt die nu in plaats van op het geplande moment. Verstuurde e-mails kun je niet terughalen.",
  "admin.confirm.sendAll.ok": "Nu versturen",
  "admin.confirm.cancel": "Annuleren",
  "admin.result.scheduled": "{queued} nieuw, {rescheduled} naar nu verplaatst, {skipped} overgeslagen.",
  "admin.result.rotated": "{name} heeft een nieuwe link; die is onderweg.",
  "admin.result.revoked": "De link van {name} is ingetrokken.",
  "admin.result.role": "{name} is nu {role}.",
  "admin.more": "Meer laden",
  "admin.outbox.empty": "Het postvak uit is leeg.",
  "admin.outbox.disabled": "E-mail gaat hier via Amazon SES; er is geen lokaal postvak uit.",
  "admin.outbox.caption": "E-mails in het lokale postvak uit, nieuwste eerst",
  "admin.outbox.to": "Aan {to}",
  "admin.refresh": "Vernieuwen",
};

const catalogues: Record<Language, Record<Key, string>> = { en, nl };

/** Both catalogues, for the catalogue test. */
export const adminCatalogues = { en, nl };

export function ta(key: Key, params?: Record<string, string | number>): string {
  const template = catalogues[language()][key] as string | undefined;
  if (template === undefined) {
    console.error(`Missing translation: ${language()} ${key}`);
    return key;
  }
  return format(template, params, language());
}

export { formatDateTime as when } from "../i18n/time";
