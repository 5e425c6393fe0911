import type { InvitationKind } from "../../core/contract/index";
import type { Language } from "../../core/protocol/identity";

/** E-mail copy in each registration language. Placeholders are written {name}. */
export interface EmailCopy {
  subject: Record<InvitationKind, string>;
  intro: Record<InvitationKind, string>;
  greeting: string;
  button: string;
  linkNote: string;
  programme: string;
  noSessions: string;
  calendar: string;
  calendarLink: string;
  footer: string;
  /** BCP 47 locale for dates. */
  locale: string;
}

export const emailCopy: Record<Language, EmailCopy> = {
  en: {
    subject: {
      invitation: "Your personal link for {event}",
      confirmation: "You are registered for {event}",
      "link-request": "A fresh link for {event}",
    },
    intro: {
      invitation: "{event} starts {start}. Your personal link takes you straight to your own programme.",
      confirmation:
        "Thank you for registering for {event}, which starts {start}. Keep this e-mail: your personal link takes you to your own programme.",
      "link-request": "You asked for a fresh link for {event}. Your earlier link no longer works; use this one.",
    },
    greeting: "Hello {name},",
    button: "Open my programme",
    linkNote: "This link is personal: please do not share it. It works on every device you use.",
    programme: "Your programme (times in {timezone})",
    noSessions: "Your programme will appear here once the organizer adds sessions.",
    calendar: "Add your programme to your calendar:",
    calendarLink: "Download the calendar file",
    footer: "You receive this e-mail because you are registered for {event}.",
    locale: "en-GB",
  },
  nl: {
    subject: {
      invitation: "Je persoonlijke link voor {event}",
      confirmation: "Je bent ingeschreven voor {event}",
      "link-request": "Een nieuwe link voor {event}",
    },
    intro: {
      invitation: "{event} begint {start}. Met je persoonlijke link ga je direct naar je eigen programma.",
      confirmation:
        "Bedankt voor je inschrijving voor {event}, dat begint {start}. Bewaar deze e-mail: met je persoonlijke link ga je naar je eigen programma.",
      "link-request": "Je hebt een nieuwe link gevraagd voor {event}. Je vorige link werkt niet meer; gebruik deze.",
    },
    greeting: "Hallo {name},",
    button: "Open mijn programma",
    linkNote: "Deze link is persoonlijk: deel hem niet. Hij werkt op elk apparaat dat je gebruikt.",
    programme: "Jouw programma (tijden in {timezone})",
    noSessions: "Je programma verschijnt hier zodra de organisator sessies toevoegt.",
    calendar: "Zet je programma in je agenda:",
    calendarLink: "Download het agendabestand",
    footer: "Je ontvangt deze e-mail omdat je bent ingeschreven voor {event}.",
    locale: "nl-NL",
  },
};

export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
