import { describe, expect, it } from "vitest";
import type { OrganizerMe, OrganizerRole } from "../../core/contract/organizers";
import { scopesOf } from "../../core/contract/organizers";
import {
  chooseWorkspace,
  controlsFor,
  eventsOf,
  type MeWorkspace,
  pageOf,
  pagesFor,
  pathOf,
} from "../../client/src/admin/access";
import { browserOf, expiryFromDate, itemsOf, query, tomorrowDate } from "../../client/src/admin/format";
import { signInFragment } from "../../client/src/admin/signin-link";

const workspace = (role: OrganizerRole, id = `ws_${role}`, eventIds: string[] | null = null): MeWorkspace => ({
  id,
  name: id,
  role,
  eventIds,
  scopes: [...scopesOf(role)],
});
const person = (...workspaces: MeWorkspace[]): OrganizerMe => ({
  kind: "person",
  id: "org_1",
  name: "Ada",
  email: "ada@example.com",
  workspaces,
});

describe("the e-mailed sign-in link's fragment", () => {
  const token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA";
  it("gives the token on the sign-in page", () => {
    expect(signInFragment("/admin/signin", `#${token}`)).toEqual({ kind: "token", token });
    expect(signInFragment("/admin/signin/", token)).toEqual({ kind: "token", token });
  });
  it("decodes a fragment a mail client escaped", () => {
    expect(signInFragment("/admin/signin", "#abc%2Ddef-ghi_jkl.mno")).toEqual({
      kind: "token",
      token: "abc-def-ghi_jkl.mno",
    });
  });
  it("is nothing on other pages or without a fragment", () => {
    expect(signInFragment("/admin", `#${token}`)).toEqual({ kind: "none" });
    expect(signInFragment("/admin/signin", "")).toEqual({ kind: "none" });
    expect(signInFragment("/admin/signin", "#")).toEqual({ kind: "none" });
  });
  it("refuses what cannot be a token: cut short, edited, or not a token at all", () => {
    expect(signInFragment("/admin/signin", "#abc")).toEqual({ kind: "malformed" });
    expect(signInFragment("/admin/signin", "#<script>alert(1)</script>xxxxxxxx")).toEqual({ kind: "malformed" });
    expect(signInFragment("/admin/signin", "#%E0%A4%A")).toEqual({ kind: "malformed" });
    expect(signInFragment("/admin/signin", `#${"a".repeat(513)}`)).toEqual({ kind: "malformed" });
  });
});

describe("what the console offers each role", () => {
  it("a viewer sees data and no edit controls", () => {
    expect(controlsFor(workspace("viewer"))).toEqual({
      editRegistrations: false,
      sendInvitations: false,
      manageWorkspace: false,
      readAudit: true,
    });
    expect(pagesFor(person(workspace("viewer")), workspace("viewer"))).toEqual(["events", "audit", "sessions"]);
  });
  it("an organizer edits and sends, but people and tokens are for owners", () => {
    expect(controlsFor(workspace("organizer"))).toEqual({
      editRegistrations: true,
      sendInvitations: true,
      manageWorkspace: false,
      readAudit: true,
    });
    expect(pagesFor(person(workspace("organizer")), workspace("organizer"))).toEqual(["events", "audit", "sessions"]);
  });
  it("an owner has every page", () => {
    expect(controlsFor(workspace("owner")).manageWorkspace).toBe(true);
    expect(pagesFor(person(workspace("owner")), workspace("owner"))).toEqual([
      "events",
      "people",
      "tokens",
      "audit",
      "sessions",
    ]);
  });
  it("no workspace offers nothing but the person's own sign-ins", () => {
    expect(controlsFor(undefined)).toEqual({
      editRegistrations: false,
      sendInvitations: false,
      manageWorkspace: false,
      readAudit: false,
    });
    expect(pagesFor(person(), undefined)).toEqual(["events", "sessions"]);
  });
  it("follows the chosen workspace: owner in one, viewer in another", () => {
    const me = person(workspace("owner", "ws_a"), workspace("viewer", "ws_b"));
    expect(chooseWorkspace(me, "ws_b")?.role).toBe("viewer");
    expect(chooseWorkspace(me, "ws_a")?.role).toBe("owner");
    // A remembered workspace the person has left falls back to their first.
    expect(chooseWorkspace(me, "ws_gone")?.id).toBe("ws_a");
    expect(chooseWorkspace(me, null)?.id).toBe("ws_a");
    expect(chooseWorkspace(person(), "ws_a")).toBeUndefined();
  });
});

describe("the events of a workspace", () => {
  const events = [
    { id: "ev_1", workspaceId: "ws_a" },
    { id: "ev_2", workspaceId: "ws_b" },
    { id: "ev_3", workspaceId: "ws_a" },
    { id: "ev_4", workspaceId: null },
  ];
  it("are those of the chosen workspace", () => {
    expect(eventsOf(events, workspace("owner", "ws_a")).map((e) => e.id)).toEqual(["ev_1", "ev_3"]);
  });
  it("are only the allowed ones for a person limited to some", () => {
    expect(eventsOf(events, workspace("viewer", "ws_a", ["ev_3"])).map((e) => e.id)).toEqual(["ev_3"]);
  });
  it("are none without a workspace", () => {
    expect(eventsOf(events, undefined)).toEqual([]);
  });
});

describe("console addresses", () => {
  it("maps each page to its path and back", () => {
    for (const page of ["events", "people", "tokens", "audit", "sessions"] as const) {
      expect(pageOf(pathOf(page))).toBe(page);
    }
    expect(pathOf("events")).toBe("/admin");
    expect(pageOf("/admin/people/")).toBe("people");
  });
  it("shows the events for anything else under /admin", () => {
    expect(pageOf("/admin/signin")).toBe("events");
    expect(pageOf("/admin/nope")).toBe("events");
    expect(pageOf("/")).toBe("events");
  });
});

describe("small helpers", () => {
  it("names common browsers", () => {
    expect(
      browserOf(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0",
      ),
    ).toEqual({ browser: "Edge", os: "Windows" });
    expect(
      browserOf(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      ),
    ).toEqual({ browser: "Safari", os: "macOS" });
    expect(browserOf("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")).toEqual({
      browser: "Firefox",
      os: "Linux",
    });
    expect(
      browserOf(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      ),
    ).toEqual({ browser: "Safari", os: "iOS" });
    expect(browserOf("curl/8.5.0")).toBeNull();
    expect(browserOf(null)).toBeNull();
  });
  it("turns an expiry date into the end of that day, and empty into none", () => {
    const iso = expiryFromDate("2030-03-31");
    expect(iso).not.toBeNull();
    const d = new Date(iso as string);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2030, 2, 31, 23, 59]);
    expect(expiryFromDate("")).toBeNull();
    expect(expiryFromDate("31-03-2030")).toBeNull();
  });
  it("offers tomorrow as the first expiry date", () => {
    expect(tomorrowDate(new Date(2030, 11, 31, 15))).toBe("2031-01-01");
  });
  it("builds a query from the filters that are set", () => {
    expect(query({ workspaceId: "ws_a", personId: "", eventId: null, cursor: undefined, limit: 50 })).toBe(
      "?workspaceId=ws_a&limit=50",
    );
    expect(query({ a: "" })).toBe("");
  });
  it("reads a list as { items } or a bare array", () => {
    expect(itemsOf({ items: [1, 2] })).toEqual([1, 2]);
    expect(itemsOf([3])).toEqual([3]);
    expect(itemsOf(undefined)).toEqual([]);
  });
});
