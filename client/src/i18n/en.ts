/**
 * The English catalogue is the source of truth for keys: every other language must have every
 * key (the compiler checks it) and the i18n test fails on any key a page shows untranslated.
 * Placeholders are written {name}.
 */
import { enInteractions } from "./en-interactions";

export const en = {
  "app.name": "Foyer",
  "app.skipToContent": "Skip to content",
  "language.label": "Language",
  "language.en": "English",
  "language.nl": "Nederlands",

  "connection.connecting": "Connecting…",
  "connection.open": "Connected",
  "connection.reconnecting": "Connection lost. Reconnecting in {seconds} s…",
  "connection.reconnectingNow": "Reconnecting…",
  "connection.offline": "You are offline. We will reconnect when your network is back.",
  "connection.closed": "Disconnected.",
  "connection.outdated": "Foyer was updated. Reload the page to continue.",
  "connection.reload": "Reload",

  "landing.title": "Welcome to Foyer",
  "landing.body": "Open the personal link from your invitation e-mail to enter your event.",

  "portal.loading": "Loading your programme…",
  "portal.signedOut": "You are not signed in. Open the personal link from your invitation e-mail.",
  "portal.greeting": "Hello {name}",
  "portal.role.participant": "Participant",
  "portal.role.moderator": "Moderator",
  "portal.role.producer": "Producer",
  "portal.programme": "Your programme",
  "portal.noSessions": "There are no sessions in your programme yet.",
  "portal.status.live": "Live now",
  "portal.status.upcoming": "Upcoming",
  "portal.status.ended": "Ended",
  "portal.current": "Now: {title}",
  "portal.nothingLive": "Nothing is live right now. Next: {title}",
  "portal.loadFailed": "We could not load your programme. {reason}",
  "portal.retry": "Try again",

  "link.invalid.title": "This link does not work",
  "link.invalid.body": "The link is incomplete or was changed. Copy the whole link from your invitation e-mail, or ask the organizer for a new one.",
  "link.expired.title": "This link has expired",
  "link.expired.body": "Personal links stop working a while after the event ends.",
  "link.revoked.title": "This link was replaced",
  "link.revoked.body": "The organizer replaced or withdrew this link. Use the newest invitation e-mail, or ask the organizer for help.",

  "notFound.title": "Page not found",
  "notFound.body": "There is nothing at this address.",

  ...enInteractions,
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
