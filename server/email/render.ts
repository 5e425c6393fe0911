import type { InvitationKind } from "../../core/contract/index";
import type { Language } from "../../core/protocol/identity";
import type { BrandTheme } from "../../core/rules/contrast";
import { emailCopy, fill } from "./messages";

/**
 * The personalised e-mail, as plain text and HTML, in the registration's language. Pure. Every
 * piece of text that came from a person (their name, the event and session titles) is escaped in
 * the HTML; the plain-text part is what spam filters and text-only clients see, so it carries
 * everything the HTML does.
 */
export interface EmailSession {
  title: string;
  startsAt: number;
  endsAt: number;
}

export interface InvitationEmailInput {
  kind: InvitationKind;
  language: Language;
  name: string;
  event: { title: string; timezone: string; startsAt: number };
  programme: readonly EmailSession[];
  link: string;
  calendarUrl: string;
  /** The event's colours (AA-checked when set) and its logo's absolute URL; Foyer's own without. */
  brand?: { theme: BrandTheme | null; logoUrl: string | null };
}

/** Foyer's light scheme: what an unbranded e-mail wears. */
const FOYER: BrandTheme = {
  bg: "#f6f7f9",
  surface: "#ffffff",
  text: "#1b1f24",
  muted: "#4a5563",
  accent: "#1f3a5f",
  "accent-text": "#ffffff",
  focus: "#1f3a5f",
  live: "#0b6b3a",
  "warn-bg": "#fff4d6",
  "warn-text": "#5c4200",
};

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Header values must not carry line breaks (header injection) and stay short. */
const oneLine = (text: string) =>
  text
    .replace(/[\r\n\t]+/g, " ")
    .trim()
    .slice(0, 200);

export function renderInvitationEmail(input: InvitationEmailInput): RenderedEmail {
  const copy = emailCopy[input.language];
  const when = new Intl.DateTimeFormat(copy.locale, {
    timeZone: input.event.timezone,
    dateStyle: "full",
    timeStyle: "short",
  });
  const day = new Intl.DateTimeFormat(copy.locale, {
    timeZone: input.event.timezone,
    weekday: "short",
    day: "numeric",
    month: "short",
  });
  const time = new Intl.DateTimeFormat(copy.locale, {
    timeZone: input.event.timezone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const params = {
    event: input.event.title,
    name: input.name,
    start: when.format(input.event.startsAt),
    timezone: input.event.timezone,
  };

  const subject = oneLine(fill(copy.subject[input.kind], params));
  const greeting = fill(copy.greeting, params);
  const intro = fill(copy.intro[input.kind], params);
  const programmeTitle = fill(copy.programme, params);
  const sessions = input.programme.map((s) => ({
    when: `${day.format(s.startsAt)}, ${time.format(s.startsAt)}–${time.format(s.endsAt)}`,
    title: s.title,
  }));
  const footer = fill(copy.footer, params);

  const text = [
    greeting,
    "",
    intro,
    "",
    `${copy.button}: ${input.link}`,
    copy.linkNote,
    "",
    programmeTitle,
    ...(sessions.length > 0 ? sessions.map((s) => `- ${s.when}  ${s.title}`) : [copy.noSessions]),
    "",
    `${copy.calendar} ${input.calendarUrl}`,
    "",
    "--",
    footer,
    "",
  ].join("\n");

  const e = escapeHtml;
  // Colours come from the stored, validated #rrggbb values; still escaped like everything else.
  const c = input.brand?.theme ?? FOYER;
  const line = input.brand?.theme ? c.muted : "#e3e6ea";
  const logo = input.brand?.logoUrl
    ? `<p style="margin:0 0 16px"><img src="${e(input.brand.logoUrl)}" alt="${e(input.event.title)}" style="max-height:64px;max-width:240px;height:auto;border:0"></p>\n`
    : "";
  const html = `<!doctype html>
<html lang="${input.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="margin:0;padding:24px;background:${e(c.bg)};font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:${e(c.text)};line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:${e(c.surface)};border-radius:10px;padding:24px">
${logo}<p>${e(greeting)}</p>
<p>${e(intro)}</p>
<p><a href="${e(input.link)}" style="display:inline-block;background:${e(c.accent)};color:${e(c["accent-text"])};padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${e(copy.button)}</a></p>
<p style="font-size:14px;color:${e(c.muted)}">${e(copy.linkNote)}<br><a href="${e(input.link)}" style="color:${e(c.accent)};word-break:break-all">${e(input.link)}</a></p>
<h2 style="font-size:18px;margin:24px 0 8px">${e(programmeTitle)}</h2>
${
  sessions.length > 0
    ? `<ul style="padding-left:20px;margin:0">${sessions.map((s) => `<li><strong>${e(s.when)}</strong> ${e(s.title)}</li>`).join("")}</ul>`
    : `<p>${e(copy.noSessions)}</p>`
}
<p>${e(copy.calendar)} <a href="${e(input.calendarUrl)}" style="color:${e(c.accent)}">${e(copy.calendarLink)}</a></p>
<p style="font-size:12px;color:${e(c.muted)};border-top:1px solid ${e(line)};padding-top:12px;margin-top:24px">${e(footer)}</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}
