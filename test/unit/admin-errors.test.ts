import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { errorText, fieldText } from "../../client/src/admin/errors";
import { setLanguage } from "../../client/src/i18n";
import { ApiFailure } from "../../client/src/lib/api";

/** The console says the server's errors in its own language, not the API's English. */
describe("the organizer console's words for server errors", () => {
  beforeAll(() => {
    // setLanguage marks <html lang>; node has no document.
    (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  });
  afterEach(() => setLanguage("en", false));

  const invalid = (fields: Record<string, string>) =>
    new ApiFailure(422, "validation_failed", "Some fields are invalid", fields);

  it("says a refused field in Dutch in the Dutch console", () => {
    setLanguage("nl", false);
    const err = invalid({ email: "must be an e-mail address such as name@example.com", name: "is required" });
    expect(fieldText(err, "email")).toBe("Vul een e-mailadres in, zoals naam@voorbeeld.nl.");
    expect(fieldText(err, "name")).toBe("Geef een naam op, en niet te lang.");
    expect(fieldText(err, "role")).toBeUndefined();
  });

  it("tells an owner's event limit from another bad limit", () => {
    expect(fieldText(invalid({ eventIds: "must be null for an owner: owners see every event" }), "eventIds")).toMatch(
      /^Owners see every event/,
    );
    expect(fieldText(invalid({ eventIds: "no event evt_x in this workspace" }), "eventIds")).toBe(
      "Choose events of this workspace.",
    );
  });

  it("says a member invited twice, and the sign-in of someone else, in the console's language", () => {
    setLanguage("nl", false);
    const twice = new ApiFailure(409, "conflict", "a@b.nl is a member already; change their role instead.", {
      email: "is a member already",
    });
    expect(fieldText(twice, "email")).toBe("Deze persoon is al lid: wijzig de rol in de lijst.");
    const other = new ApiFailure(409, "conflict", "This browser is signed in as someone else. Sign out first…");
    expect(errorText(other, "admin.error.signedInAsOther")).toMatch(/^Deze browser is aangemeld als iemand anders/);
    const workspaceTaken = new ApiFailure(409, "conflict", 'A workspace named "X" exists already.', {
      name: "is taken",
    });
    expect(fieldText(workspaceTaken, "name")).toBe("Deze naam is al in gebruik: kies een andere.");
  });

  it("says known codes from the catalogue", () => {
    setLanguage("nl", false);
    expect(errorText(new ApiFailure(403, "forbidden", "Your role does not allow this"))).toBe(
      "Je rol staat dit niet toe.",
    );
    expect(errorText(new ApiFailure(0, "network", "The network request failed."))).toMatch(/^Het netwerkverzoek/);
  });

  it("falls back to the server's words only for what it does not know", () => {
    expect(fieldText(invalid({ slug: "may hold only a-z, 0-9 and -" }), "slug")).toBe("may hold only a-z, 0-9 and -");
    expect(errorText(new ApiFailure(418, "teapot", "I am a teapot"))).toBe("Something went wrong: I am a teapot");
    expect(errorText(new ApiFailure(409, "conflict", "Another event already uses the slug"))).toBe(
      "Something went wrong: Another event already uses the slug",
    );
  });
});
