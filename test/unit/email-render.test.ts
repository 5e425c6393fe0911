import { describe, expect, it } from "vitest";
import { brandTheme } from "../../core/rules/contrast";
import { renderInvitationEmail, type InvitationEmailInput } from "../../server/email/render";

const input: InvitationEmailInput = {
  kind: "invitation",
  language: "en",
  name: "Ada <b>Lovelace</b>",
  event: { title: "Edge & Co", timezone: "Europe/Amsterdam", startsAt: Date.UTC(2026, 10, 25, 13, 0) },
  programme: [
    { title: "Main stage", startsAt: Date.UTC(2026, 10, 25, 13, 0), endsAt: Date.UTC(2026, 10, 25, 16, 0) },
    { title: `Breakout "<script>"`, startsAt: Date.UTC(2026, 10, 25, 13, 45), endsAt: Date.UTC(2026, 10, 25, 14, 30) },
  ],
  link: "https://events.example.com/j/k1.abc.def",
  calendarUrl: "https://events.example.com/api/calendar/k1.abc.ghi",
};

describe("invitation e-mail", () => {
  it("greets, links, lists the programme in the event's timezone and links the calendar", () => {
    const mail = renderInvitationEmail(input);
    expect(mail.subject).toBe("Your personal link for Edge & Co");
    expect(mail.text).toContain("Hello Ada <b>Lovelace</b>,");
    expect(mail.text).toContain("Open my programme: https://events.example.com/j/k1.abc.def");
    // 13:00 UTC is 14:00 in Amsterdam in November.
    expect(mail.text).toContain("14:00–17:00  Main stage");
    expect(mail.text).toContain("14:45–15:30  Breakout");
    expect(mail.text).toContain("https://events.example.com/api/calendar/k1.abc.ghi");
    expect(mail.html).toContain('href="https://events.example.com/j/k1.abc.def"');
  });

  it("escapes every piece of user text in the HTML", () => {
    const { html } = renderInvitationEmail(input);
    expect(html).not.toMatch(/<b>Lovelace|<script>/);
    expect(html).toContain("Ada &#60;b&#62;Lovelace&#60;/b&#62;");
    expect(html).toContain("Breakout &#34;&#60;script&#62;&#34;");
    expect(html).toContain("Edge &#38; Co");
  });

  it("speaks Dutch to Dutch registrations", () => {
    const mail = renderInvitationEmail({ ...input, language: "nl", kind: "confirmation" });
    expect(mail.subject).toBe("Je bent ingeschreven voor Edge & Co");
    expect(mail.text).toContain("Hallo Ada");
    expect(mail.text).toContain("Open mijn programma: https://");
    expect(mail.text).toMatch(/woensdag 25 november 2026/);
    expect(mail.html).toContain('<html lang="nl">');
  });

  it("keeps line breaks out of the subject", () => {
    const mail = renderInvitationEmail({
      ...input,
      event: { ...input.event, title: "Evil\r\nBcc: everyone@example.com" },
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it("says so when the programme is still empty", () => {
    expect(renderInvitationEmail({ ...input, programme: [] }).text).toContain("once the organizer adds sessions");
  });

  it("wears the event's colours and logo in the HTML, and leaves the text part exactly as it was", () => {
    const plain = renderInvitationEmail(input);
    const branded = renderInvitationEmail({
      ...input,
      brand: {
        theme: brandTheme({ accent: "#7a1f5c", background: "#fff4e0" }),
        logoUrl: "https://events.example.com/api/events/evt_1/logo?v=abc",
      },
    });
    expect(branded.text).toBe(plain.text);
    expect(branded.subject).toBe(plain.subject);
    expect(branded.html).toContain(
      '<img src="https://events.example.com/api/events/evt_1/logo?v=abc" alt="Edge &#38; Co"',
    );
    expect(branded.html).toContain("background:#7a1f5c;color:#ffffff");
    expect(branded.html).toContain("background:#fff4e0");
    expect(plain.html).not.toContain("<img");
    expect(plain.html).toContain("background:#1f3a5f;color:#ffffff");
  });
});
