import { describe, expect, it } from "vitest";
import type { AdminEvent, PublicEvent, RegistrationField } from "../../core/contract/index";
import { addSession, adminJson, call, createEvent } from "./helpers";

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

const ticket: RegistrationField = {
  kind: "choice",
  key: "ticket",
  label: { en: "Ticket", nl: "Toegangsbewijs" },
  required: true,
  options: ["standard", "vip"],
};
const terms: RegistrationField = { kind: "consent", key: "terms", label: "I accept the terms", required: true };

async function eventWithRules() {
  const event = await createEvent({ fields: [ticket, terms] });
  const at = (h: number) => new Date(event.startsAt + h * 3_600_000).toISOString();
  const vip = { kind: "attributes", conditions: [{ attribute: "ticket", op: "in", values: ["vip"] }] };
  await addSession(event.id, { kind: "breakout", title: "VIP lounge", startsAt: at(0), endsAt: at(1), audience: vip });
  await addSession(event.id, { kind: "stage", title: "Backstage", startsAt: at(1), endsAt: at(2), audience: vip });
  return event;
}

const saveForm = (eventId: string, fields: unknown) =>
  adminJson<AdminEvent & ErrorBody>(`/api/admin/events/${eventId}`, { method: "PATCH", json: { fields } });

describe("the organizer's registration form (PATCH /api/admin/events/:eventId with fields)", () => {
  it("saves reordered, relabelled questions with new options, and the public form shows them", async () => {
    const event = await eventWithRules();
    const relabelled = { ...ticket, label: { en: "Pass", nl: "Pas" }, options: ["vip", "standard", "student"] };
    const saved = await saveForm(event.id, [terms, relabelled]);
    expect(saved.status).toBe(200);
    expect(saved.body.fields.map((f) => f.key)).toEqual(["terms", "ticket"]);
    const dutch = (await (await call(`/api/events/${event.slug}?lang=nl`)).json()) as PublicEvent;
    expect(dutch.fields[1]).toMatchObject({ label: "Pas", options: ["vip", "standard", "student"] });
  });

  it("refuses with 409 to remove a question an audience rule uses, naming every session", async () => {
    const event = await eventWithRules();
    const res = await saveForm(event.id, [terms]);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict");
    expect(res.body.error.message).toContain('"VIP lounge"');
    expect(res.body.error.message).toContain('"Backstage"');
    expect(res.body.error.fields).toEqual({
      fields: 'the question "ticket" is used by the audience rule of "VIP lounge", "Backstage"',
    });
    // Nothing changed.
    const after = await adminJson<AdminEvent>(`/api/admin/events/${event.id}`);
    expect(after.body.fields.map((f) => f.key)).toEqual(["ticket", "terms"]);
  });

  it("refuses a changed key and a removed option a rule uses, at the question", async () => {
    const event = await eventWithRules();
    const renamed = await saveForm(event.id, [{ ...ticket, key: "pass" }, terms]);
    expect(renamed.status).toBe(409);
    expect(renamed.body.error.fields).toHaveProperty("fields");
    const noVip = await saveForm(event.id, [terms, { ...ticket, options: ["standard"] }]);
    expect(noVip.status).toBe(409);
    expect(noVip.body.error.fields).toEqual({
      "fields.1.options": 'the option "vip" of "ticket" is used by the audience rule of "VIP lounge", "Backstage"',
    });
    // An option no rule uses may go.
    const noStandard = await saveForm(event.id, [{ ...ticket, options: ["vip"] }, terms]);
    expect(noStandard.status).toBe(200);
  });

  it("names each invalid question down to its path with 422", async () => {
    const event = await createEvent();
    const res = await saveForm(event.id, [
      { kind: "choice", key: "ticket", label: { en: "Ticket", nl: "" }, required: true, options: [] },
      { kind: "text", key: "Bad Key", label: "x", required: false },
      { kind: "multi-choice", key: "ticket", label: "Again", options: ["a", "a"], optionLabels: { b: "B" } },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toMatchObject({
      "fields.0.label.nl": "is required",
      "fields.0.options": "needs at least one option",
      "fields.1.key": "keys are 1–40 of a-z 0-9 _ and start with a letter",
      "fields.2.options": "options must be unique",
    });
  });
});
