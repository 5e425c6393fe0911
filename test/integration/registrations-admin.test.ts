import { describe, expect, it } from "vitest";
import type { AdminRegistration, ImportReport, InvitationView, Page } from "../../core/contract/index";
import { admin, adminJson, createEvent } from "./helpers";

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };
type Detail = AdminRegistration & { invitations: InvitationView[] };

const csv = (eventId: string, text: string, query = "") =>
  admin(`/api/admin/events/${eventId}/registrations/import${query}`, {
    method: "POST",
    headers: { "Content-Type": "text/csv" },
    body: text,
  });

async function report(res: Response): Promise<ImportReport> {
  return (await res.json()) as ImportReport;
}

const list = async (eventId: string, query = "") =>
  (await adminJson<Page<AdminRegistration>>(`/api/admin/events/${eventId}/registrations${query}`)).body;

describe("registrations in the organizer API", () => {
  it("adds one, refuses a duplicate e-mail in any case, reads it back with its invitation", async () => {
    const event = await createEvent();
    const created = await adminJson<AdminRegistration>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: { name: "Mia", email: "Mia@Example.com", role: "moderator", attributes: { ticket: "vip", desk: "A3" } },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      role: "moderator",
      language: "en",
      linkStatus: "active",
      invitation: { kind: "invitation", state: "queued" },
    });
    const dup = await adminJson<ErrorBody>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: { name: "Mia 2", email: "mia@example.COM" },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields).toEqual({ email: "is already registered" });
    const detail = await adminJson<Detail>(`/api/admin/events/${event.id}/registrations/${created.body.id}`);
    expect(detail.body.invitations).toHaveLength(1);
    const other = await createEvent();
    expect((await adminJson(`/api/admin/events/${other.id}/registrations/${created.body.id}`)).status).toBe(404);
  });

  it("validates organizer input, naming each field", async () => {
    const event = await createEvent();
    const res = await adminJson<ErrorBody>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: {
        name: "",
        email: "x",
        role: "boss",
        attributes: { ticket: "gold", "Bad Key": "x" },
        selections: ["ses_nope"],
      },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields!).sort()).toEqual(["attributes.Bad Key", "name", "role"]);
    const semantic = await adminJson<ErrorBody>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: { name: "X", email: "x", attributes: { ticket: "gold" } },
    });
    expect(semantic.body.error.fields).toEqual({
      email: "must be an e-mail address such as name@example.com",
      "attributes.ticket": "must be one of standard, vip",
    });
  });

  it("refuses a name with a line break (it would reach e-mail headers), as the public form does", async () => {
    const event = await createEvent();
    const created = await adminJson<ErrorBody>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: { name: "Mia\r\nBcc: everyone@example.com", email: "mia@example.com" },
    });
    expect(created.status).toBe(422);
    expect(created.body.error.fields).toEqual({ name: "must not contain line breaks or control characters" });
    expect((await list(event.id)).items).toHaveLength(0);
    const ok = await adminJson<AdminRegistration>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: { name: "Mia", email: "mia@example.com" },
    });
    const renamed = await adminJson<ErrorBody>(`/api/admin/events/${event.id}/registrations/${ok.body.id}`, {
      method: "PATCH",
      json: { name: "Mia\nvan Dijk" },
    });
    expect(renamed.status).toBe(422);
    expect(renamed.body.error.fields).toEqual({ name: "must not contain line breaks or control characters" });
    expect((await list(event.id)).items.map((r) => r.name)).toEqual(["Mia"]);
  });

  it("changes a role and records who changed it from what", async () => {
    const event = await createEvent();
    const { body: person } = await adminJson<AdminRegistration>(`/api/admin/events/${event.id}/registrations`, {
      method: "POST",
      json: { name: "Pim", email: "pim@example.com" },
    });
    const changed = await adminJson<AdminRegistration>(`/api/admin/events/${event.id}/registrations/${person.id}`, {
      method: "PATCH",
      json: { role: "producer" },
    });
    expect(changed.body.role).toBe("producer");
    const audit = await adminJson<{ items: { action: string; target: string; details: Record<string, unknown> }[] }>(
      `/api/admin/audit?eventId=${event.id}`,
    );
    expect(audit.body.items[0]).toMatchObject({
      action: "registration.update",
      target: `registration:${person.id}`,
      details: { changed: { role: "producer" }, roleBefore: "participant" },
    });
    const bad = await adminJson<ErrorBody>(`/api/admin/events/${event.id}/registrations/${person.id}`, {
      method: "PATCH",
      json: { role: "admin" },
    });
    expect(bad.status).toBe(422);
  });

  it("searches by name or e-mail, filters by role and invitation state, and pages", async () => {
    const event = await createEvent();
    const people = ["Ada Lovelace", "Bram de Vries", "Chloé Martin", "Dirk Bos", "Eva Smit"];
    const batch = await adminJson<ImportReport>(`/api/admin/events/${event.id}/registrations/batch`, {
      method: "POST",
      json: {
        registrations: people.map((name, i) => ({
          name,
          email: `${name.split(" ")[0]!.toLowerCase()}@example.com`,
          role: i === 0 ? "moderator" : "participant",
        })),
      },
    });
    expect(batch.body.counts).toEqual({ rows: 5, created: 5, updated: 0, unchanged: 0, errors: 0 });
    expect((await list(event.id, "?q=VRIES")).items.map((r) => r.name)).toEqual(["Bram de Vries"]);
    expect((await list(event.id, "?q=chloé@")).items.map((r) => r.name)).toEqual(["Chloé Martin"]);
    expect((await list(event.id, "?q=50%25_")).total).toBe(0);
    expect((await list(event.id, "?role=moderator")).items.map((r) => r.name)).toEqual(["Ada Lovelace"]);
    expect((await list(event.id, "?invitation=queued")).total).toBe(5);
    expect((await list(event.id, "?invitation=sent")).total).toBe(0);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<AdminRegistration> = await list(event.id, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.total).toBe(5);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((r) => r.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...people].sort());
    expect((await adminJson<ErrorBody>(`/api/admin/events/${event.id}/registrations?limit=0`)).status).toBe(422);
  });

  it("applies a batch with bad rows all-or-nothing, or the good rows when partial", async () => {
    const event = await createEvent();
    const rows = [
      { name: "Good", email: "good@example.com", attributes: { ticket: "vip" } },
      { name: "", email: "bad", attributes: { ticket: "gold" } },
    ];
    const none = await adminJson<ImportReport>(`/api/admin/events/${event.id}/registrations/batch`, {
      method: "POST",
      json: { registrations: rows },
    });
    expect(none.status).toBe(422);
    expect(none.body.applied).toBe(false);
    expect(none.body.rows[1]).toMatchObject({
      line: 2,
      status: "error",
      errors: { name: "is required", email: expect.any(String), "attributes.ticket": expect.any(String) },
    });
    expect((await list(event.id)).total).toBe(0);
    const partial = await adminJson<ImportReport>(`/api/admin/events/${event.id}/registrations/batch`, {
      method: "POST",
      json: { registrations: rows, partial: true },
    });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ applied: true, counts: { created: 1, errors: 1 } });
    expect((await list(event.id)).items.map((r) => r.email)).toEqual(["good@example.com"]);
  });
});

describe("CSV import and export", () => {
  const fileWith = (...lines: string[]) => lines.join("\r\n");

  it("imports a sheet with a BOM, quotes, labels as headers and extra attributes, then updates on re-import", async () => {
    const event = await createEvent();
    const first = await csv(
      event.id,
      "\uFEFF" +
        fileWith(
          "E-mail,Full name,Ticket,Interests,I accept the terms,Company,language",
          `ada@example.com,"Lovelace, Ada",vip,ai;design,yes,"Analytical ""Engines""",nl`,
          `bram@example.com,Bram,standard,,ja,,`,
          ``,
        ),
    );
    expect(first.status).toBe(200);
    const r1 = await report(first);
    expect(r1).toMatchObject({ applied: true, counts: { rows: 2, created: 2, errors: 0 } });
    const ada = (await list(event.id, "?q=ada@")).items[0]!;
    expect(ada).toMatchObject({
      name: "Lovelace, Ada",
      language: "nl",
      attributes: { ticket: "vip", interests: ["ai", "design"], terms: "yes", company: 'Analytical "Engines"' },
      invitation: { state: "queued" },
    });

    const again = await report(
      await csv(event.id, fileWith("email,name,ticket", "ADA@example.com,Lovelace, Ada", "bram@example.com,Bram,vip")),
    );
    // "Lovelace, Ada" unquoted is two cells: the name becomes "Lovelace" and the ticket " Ada".
    expect(again.applied).toBe(false);
    expect(again.rows[0]).toMatchObject({
      status: "error",
      errors: { "attributes.ticket": "must be one of standard, vip" },
    });
    const fixed = await report(
      await csv(
        event.id,
        fileWith("email,name,ticket", `ada@example.com,"Lovelace, Ada",vip`, "bram@example.com,Bram,vip"),
      ),
    );
    expect(fixed.counts).toEqual({ rows: 2, created: 0, updated: 1, unchanged: 1, errors: 0 });
    expect((await list(event.id)).total).toBe(2);
  });

  it("reports every bad and hostile row and writes none of them, unless partial", async () => {
    const event = await createEvent();
    const file = fileWith(
      "email,name,ticket,role,note",
      "ok@example.com,Okay,vip,,=1+1",
      "not-an-address,Someone,vip,,",
      "ok@example.com,Twice,vip,,",
      `evil@example.com,"=HYPERLINK(""http://evil.example"",""click"")",standard,superuser,"@SUM(A1)"`,
      `x@example.com,"${"A".repeat(300)}",vip,,`,
    );
    const all = await csv(event.id, file);
    expect(all.status).toBe(422);
    const r = await report(all);
    expect(r.applied).toBe(false);
    expect(r.rows.map((row) => [row.line, row.status])).toEqual([
      [2, "created"],
      [3, "error"],
      [4, "error"],
      [5, "error"],
      [6, "error"],
    ]);
    expect(r.rows[2]!.errors).toEqual({ email: "is also on line 2" });
    expect(r.rows[3]!.errors).toEqual({ role: "must be one of participant, moderator, producer" });
    expect(r.rows[4]!.errors).toEqual({ name: "must be at most 200 characters" });
    expect((await list(event.id)).total).toBe(0);

    const dry = await csv(event.id, file, "?dryRun=true&partial=true");
    expect((await report(dry)).applied).toBe(false);
    expect((await list(event.id)).total).toBe(0);

    const partial = await report(await csv(event.id, file, "?partial=true"));
    expect(partial).toMatchObject({ applied: true, counts: { created: 1, errors: 4 } });
    expect((await list(event.id)).items[0]!.attributes).toEqual({ ticket: "vip", note: "=1+1" });
  });

  it("refuses files it cannot read, naming the problem", async () => {
    const event = await createEvent();
    const cases: [string | Uint8Array, string, string][] = [
      ['email,name\n"ada@example.com,Ada', "file", "line 2: a quoted cell is never closed"],
      ["name,ticket\nAda,vip", "header", "the header row needs an email column"],
      ["email,name\n", "file", "has a header row but no people"],
      ["", "file", "is empty"],
      [new Uint8Array([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xff, 0xfe]), "file", "is not UTF-8 text"],
    ];
    for (const [body, field, message] of cases) {
      const res = await admin(`/api/admin/events/${event.id}/registrations/import`, {
        method: "POST",
        headers: { "Content-Type": "text/csv" },
        body,
      });
      expect(res.status).toBe(422);
      expect(((await res.json()) as ErrorBody).error.fields![field]).toContain(message);
    }
    const json = await admin(`/api/admin/events/${event.id}/registrations/import`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(json.status).toBe(415);
    // CSV files may exceed the API's usual 64 KiB limit.
    const big = [
      "email,name,note",
      ...Array.from({ length: 600 }, (_, i) => `big${i}@example.com,Person ${i},${"x".repeat(120)}`),
    ].join("\n");
    expect(big.length).toBeGreaterThan(64 * 1024);
    const bigRes = await csv(event.id, big);
    expect(bigRes.status).toBe(200);
    expect((await report(bigRes)).counts.created).toBe(600);
  });

  it("exports CSV that spreadsheets open safely and that imports back unchanged", async () => {
    const event = await createEvent();
    await csv(
      event.id,
      fileWith(
        "email,name,ticket,note,interests",
        `formula@example.com,"=HYPERLINK(""http://evil.example"",""x"")",vip,+CMD,ai;design`,
        `at@example.com,@SUM(A1),standard,"-2+3",`,
        `tab@example.com,"\tTabbed",standard,"line1\nline2",`,
      ),
    );
    const res = await admin(`/api/admin/events/${event.id}/registrations/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toContain(`${event.slug}-registrations.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A UTF-8 byte order mark, so spreadsheet programs read "Chloé" correctly.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(
      text.startsWith(
        "id,email,name,language,role,ticket,organisation,interests,terms,note,selections,link_version,link_status,invitation_state",
      ),
    ).toBe(true);
    // No cell starts with a formula character.
    for (const line of text.split("\r\n").filter(Boolean)) {
      for (const cell of line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [])
        expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).toContain("'@SUM(A1)");
    expect(text).toContain("'+CMD");
    expect(text).toContain("ai;design");

    const before = (await list(event.id)).items.map((r) => [r.email, r.name, r.attributes]).sort();
    const back = await report(await csv(event.id, text));
    expect(back.counts).toMatchObject({ rows: 3, unchanged: 3, errors: 0 });
    expect((await list(event.id)).items.map((r) => [r.email, r.name, r.attributes]).sort()).toEqual(before);
  });
});
