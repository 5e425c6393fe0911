import type { Language } from "../../core/protocol/identity";
import { escapeHtml, type RenderedEmail } from "./render";
import { fill } from "./messages";

/**
 * E-mails to organizers: a sign-in link they asked for, and an invitation to a workspace (which
 * carries a sign-in link too). Pure, in English and Dutch; names and workspace names are escaped
 * in the HTML.
 */
export type OrganizerEmailKind = "signin" | "member-invite";

interface OrganizerCopy {
  subject: Record<OrganizerEmailKind, string>;
  intro: Record<OrganizerEmailKind, string>;
  greeting: string;
  button: string;
  note: string;
  footer: string;
}

const copy: Record<Language, OrganizerCopy> = {
  en: {
    subject: {
      signin: "Your sign-in link for Foyer",
      "member-invite": "{inviter} invited you to {workspace} on Foyer",
    },
    intro: {
      signin: "Sign in to Foyer's organizer pages with the link in this e-mail.",
      "member-invite": "{inviter} invited you to the workspace {workspace} on Foyer as {role}.",
    },
    greeting: "Hello {name},",
    button: "Sign in to Foyer",
    note: "The link works once, for 15 minutes. If it has expired, ask for a new one on the sign-in page. If you did not expect this e-mail, you can ignore it.",
    footer: "Foyer organizer sign-in",
  },
  nl: {
    subject: {
      signin: "Je aanmeldlink voor Foyer",
      "member-invite": "{inviter} heeft je uitgenodigd voor {workspace} op Foyer",
    },
    intro: {
      signin: "Met de link in deze e-mail meld je je aan op de organisatorpagina's van Foyer.",
      "member-invite": "{inviter} heeft je uitgenodigd voor de werkruimte {workspace} op Foyer als {role}.",
    },
    greeting: "Hallo {name},",
    button: "Aanmelden bij Foyer",
    note: "De link werkt één keer, 15 minuten lang. Is hij verlopen, vraag dan een nieuwe aan op de aanmeldpagina. Verwachtte je deze e-mail niet, dan kun je hem negeren.",
    footer: "Foyer, aanmelden voor organisatoren",
  },
};

const roleNames: Record<Language, Record<string, string>> = {
  en: { owner: "owner", organizer: "organizer", viewer: "viewer" },
  nl: { owner: "eigenaar", organizer: "organisator", viewer: "kijker" },
};

export interface OrganizerEmailInput {
  kind: OrganizerEmailKind;
  language: Language;
  name: string;
  link: string;
  inviter?: string;
  workspace?: string;
  role?: string;
}

const oneLine = (text: string) =>
  text
    .replace(/[\r\n\t]+/g, " ")
    .trim()
    .slice(0, 200);

export function renderOrganizerEmail(input: OrganizerEmailInput): RenderedEmail {
  const c = copy[input.language];
  const params = {
    name: input.name,
    inviter: input.inviter ?? "",
    workspace: input.workspace ?? "",
    role: roleNames[input.language][input.role ?? ""] ?? input.role ?? "",
  };
  const subject = oneLine(fill(c.subject[input.kind], params));
  const greeting = fill(c.greeting, params);
  const intro = fill(c.intro[input.kind], params);
  const text = [greeting, "", intro, "", `${c.button}: ${input.link}`, "", c.note, "", "--", c.footer, ""].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${input.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f24;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:10px;padding:24px">
<p>${e(greeting)}</p>
<p>${e(intro)}</p>
<p><a href="${e(input.link)}" style="display:inline-block;background:#1f3a5f;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${e(c.button)}</a></p>
<p style="font-size:14px;color:#4a5563">${e(c.note)}<br><a href="${e(input.link)}" style="color:#1f3a5f;word-break:break-all">${e(input.link)}</a></p>
<p style="font-size:12px;color:#4a5563;border-top:1px solid #e3e6ea;padding-top:12px;margin-top:24px">${e(c.footer)}</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}
