import type { Messages } from "./en";
import { nlInteractions } from "./nl-interactions";

export const nl: Messages = {
  "app.name": "Foyer",
  "app.skipToContent": "Naar de inhoud",
  "language.label": "Taal",
  "language.en": "English",
  "language.nl": "Nederlands",

  "connection.connecting": "Verbinden…",
  "connection.open": "Verbonden",
  "connection.reconnecting": "Verbinding verbroken. Opnieuw verbinden over {seconds} s…",
  "connection.reconnectingNow": "Opnieuw verbinden…",
  "connection.offline": "Je bent offline. We maken opnieuw verbinding zodra je netwerk terug is.",
  "connection.closed": "Niet verbonden.",
  "connection.outdated": "Foyer is bijgewerkt. Laad de pagina opnieuw om verder te gaan.",
  "connection.reload": "Opnieuw laden",

  "landing.title": "Welkom bij Foyer",
  "landing.body": "Open de persoonlijke link uit je uitnodigingsmail om naar je evenement te gaan.",

  "portal.loading": "Je programma wordt geladen…",
  "portal.signedOut": "Je bent niet aangemeld. Open de persoonlijke link uit je uitnodigingsmail.",
  "portal.greeting": "Hallo {name}",
  "portal.role.participant": "Deelnemer",
  "portal.role.moderator": "Moderator",
  "portal.role.producer": "Producer",
  "portal.programme": "Jouw programma",
  "portal.noSessions": "Er staan nog geen sessies in je programma.",
  "portal.status.live": "Nu live",
  "portal.status.upcoming": "Binnenkort",
  "portal.status.ended": "Afgelopen",
  "portal.current": "Nu: {title}",
  "portal.nothingLive": "Er is nu niets live. Hierna: {title}",
  "portal.loadFailed": "We konden je programma niet laden. {reason}",
  "portal.retry": "Opnieuw proberen",

  "link.invalid.title": "Deze link werkt niet",
  "link.invalid.body": "De link is onvolledig of gewijzigd. Kopieer de hele link uit je uitnodigingsmail, of vraag de organisator om een nieuwe.",
  "link.expired.title": "Deze link is verlopen",
  "link.expired.body": "Persoonlijke links werken niet meer enige tijd na afloop van het evenement.",
  "link.revoked.title": "Deze link is vervangen",
  "link.revoked.body": "De organisator heeft deze link vervangen of ingetrokken. Gebruik de nieuwste uitnodigingsmail, of vraag de organisator om hulp.",

  "notFound.title": "Pagina niet gevonden",
  "notFound.body": "Op dit adres staat niets.",

  ...nlInteractions,
};
