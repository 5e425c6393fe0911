import { describe, expect, it } from "vitest";
import { scopesOf } from "../../core/contract/organizers";
import {
  access,
  actorName,
  holdsAnywhere,
  leavesNoOwner,
  type Principal,
  visibleWith,
  workspaceForCreate,
} from "../../server/organizers/access";
import { apiTokenSecret, parseApiToken, sameSecret, sha256Hex } from "../../server/organizers/secrets";
import {
  idleEndOf,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionAlive,
  shouldTouch,
  tokenAlive,
} from "../../server/organizers/sessions";
import { renderOrganizerEmail } from "../../server/email/organizer";

const person = (memberships: Extract<Principal, { kind: "person" }>["memberships"]): Principal => ({
  kind: "person",
  personId: "org_1",
  name: "Ada Lovelace",
  email: "ada@example.com",
  sessionIdHash: "h",
  memberships,
});

describe("access", () => {
  const ada = person([
    { workspaceId: "A", role: "owner", eventIds: null },
    { workspaceId: "B", role: "organizer", eventIds: ["b1"] },
    { workspaceId: "C", role: "viewer", eventIds: null },
  ]);

  it("hides other workspaces and events outside a limit; forbids a missing scope", () => {
    expect(access(ada, "workspace:manage", { workspaceId: "A" })).toBe("ok");
    expect(access(ada, "events:read", { workspaceId: "Z" })).toBe("hidden");
    expect(access(ada, "events:read", { workspaceId: null, eventId: "x" })).toBe("hidden");
    expect(access(ada, "events:write", { workspaceId: "B", eventId: "b1" })).toBe("ok");
    expect(access(ada, "events:read", { workspaceId: "B", eventId: "b2" })).toBe("hidden");
    expect(access(ada, "events:write", { workspaceId: "B" })).toBe("forbidden");
    expect(access(ada, "events:write", { workspaceId: "C", eventId: "c1" })).toBe("forbidden");
  });

  it("binds a token to its workspace and its scopes", () => {
    const token: Principal = {
      kind: "token",
      tokenId: "tok_1",
      name: "CRM",
      workspaceId: "A",
      scopes: ["events:read"],
    };
    expect(access(token, "events:read", { workspaceId: "A", eventId: "a1" })).toBe("ok");
    expect(access(token, "events:write", { workspaceId: "A" })).toBe("forbidden");
    expect(access(token, "events:read", { workspaceId: "B" })).toBe("hidden");
    expect(actorName(token)).toBe("token CRM");
    expect(actorName(ada)).toBe("Ada Lovelace <ada@example.com>");
  });

  it("filters lists and picks the workspace for a new event", () => {
    expect(visibleWith(ada, "events:write")).toEqual([
      { workspaceId: "A", eventIds: null },
      { workspaceId: "B", eventIds: ["b1"] },
    ]);
    expect(holdsAnywhere(person([{ workspaceId: "B", role: "organizer", eventIds: ["b1"] }]), "events:write")).toBe(
      false,
    );
    expect(workspaceForCreate(ada, undefined)).toEqual({ ok: true, workspaceId: "A" });
    expect(workspaceForCreate(ada, "B")).toEqual({ ok: false, problem: "forbidden" });
    expect(workspaceForCreate(ada, "Z")).toEqual({ ok: false, problem: "hidden" });
    const two = person([
      { workspaceId: "A", role: "owner", eventIds: null },
      { workspaceId: "D", role: "organizer", eventIds: null },
    ]);
    expect(workspaceForCreate(two, undefined)).toEqual({ ok: false, problem: "ambiguous" });
  });

  it("never leaves a workspace without an owner", () => {
    expect(leavesNoOwner(["o1"], "o1", { remove: true })).toBe(true);
    expect(leavesNoOwner(["o1"], "o1", { role: "viewer" })).toBe(true);
    expect(leavesNoOwner(["o1"], "o1", { role: "owner" })).toBe(false);
    expect(leavesNoOwner(["o1", "o2"], "o1", { remove: true })).toBe(false);
    expect(leavesNoOwner(["o1"], "m1", { remove: true })).toBe(false);
  });

  it("gives roles nested scopes: viewer ⊂ organizer ⊂ owner", () => {
    for (const s of scopesOf("viewer")) expect(scopesOf("organizer")).toContain(s);
    for (const s of scopesOf("organizer")) expect(scopesOf("owner")).toContain(s);
    expect(scopesOf("organizer")).not.toContain("workspace:manage");
  });
});

describe("session and token times", () => {
  const t0 = 1_000_000;
  const s = { createdAt: t0, lastSeenAt: t0, expiresAt: t0 + SESSION_ABSOLUTE_MS, revokedAt: null };
  it("ends a session idle for 8 hours, and at the latest after 7 days", () => {
    expect(sessionAlive(s, t0 + SESSION_IDLE_MS - 1)).toBe(true);
    expect(sessionAlive(s, t0 + SESSION_IDLE_MS)).toBe(false);
    const busy = { ...s, lastSeenAt: t0 + SESSION_ABSOLUTE_MS - 1000 };
    expect(sessionAlive(busy, t0 + SESSION_ABSOLUTE_MS)).toBe(false);
    expect(idleEndOf(busy)).toBe(t0 + SESSION_ABSOLUTE_MS);
    expect(sessionAlive({ ...s, revokedAt: t0 }, t0 + 1)).toBe(false);
  });
  it("writes last-seen at most once a minute, and ends tokens at expiry or revocation", () => {
    expect(shouldTouch(null, t0)).toBe(true);
    expect(shouldTouch(t0, t0 + 59_999)).toBe(false);
    expect(shouldTouch(t0, t0 + 60_000)).toBe(true);
    expect(tokenAlive({ expiresAt: null, revokedAt: null }, t0)).toBe(true);
    expect(tokenAlive({ expiresAt: t0, revokedAt: null }, t0)).toBe(false);
    expect(tokenAlive({ expiresAt: null, revokedAt: t0 }, t0)).toBe(false);
  });
});

describe("secrets", () => {
  it("spells API tokens fyr_<id>_<random> and parses only that", async () => {
    const secret = apiTokenSecret("tok_0123456789abcdefghjk");
    expect(parseApiToken(secret)).toEqual({ tokenId: "tok_0123456789abcdefghjk" });
    expect(parseApiToken("fyr_tok_short_x")).toBeUndefined();
    expect(parseApiToken(secret.replace("fyr_", "fyx_"))).toBeUndefined();
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(await sameSecret("a", "a")).toBe(true);
    expect(await sameSecret("a", "b")).toBe(false);
  });
});

describe("organizer e-mails", () => {
  it("invites in Dutch and escapes names in the HTML", () => {
    const mail = renderOrganizerEmail({
      kind: "member-invite",
      language: "nl",
      name: "<b>Bo</b>",
      link: "https://foyer.test/admin/signin#abc",
      inviter: "Ada",
      workspace: "Acme",
      role: "viewer",
    });
    expect(mail.subject).toBe("Ada heeft je uitgenodigd voor Acme op Foyer");
    expect(mail.text).toContain("als kijker");
    expect(mail.text).toContain("https://foyer.test/admin/signin#abc");
    expect(mail.html).toContain("&#60;b&#62;Bo&#60;/b&#62;");
    expect(mail.html).not.toContain("<b>Bo</b>");
  });

  it("speaks of a link, not a button, in the plain text, and uses the console's word for signing in", () => {
    for (const language of ["en", "nl"] as const) {
      const mail = renderOrganizerEmail({
        kind: "signin",
        language,
        name: "Bo",
        link: "https://foyer.test/admin/signin#x",
      });
      expect(mail.text).not.toMatch(/button|knop/i);
    }
    const nl = renderOrganizerEmail({ kind: "signin", language: "nl", name: "Bo", link: "https://foyer.test/x" });
    // The console says "Aanmelden" (admin.signin.heading); the e-mail must not say "Inloggen".
    expect(`${nl.subject} ${nl.text}`).not.toMatch(/inlog/i);
    expect(nl.text).toContain("Aanmelden bij Foyer: https://foyer.test/x");
  });
});
