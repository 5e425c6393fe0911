import { describe, expect, it } from "vitest";
import { type Scope, scopesOf, TOKEN_SCOPES, type OrganizerRole } from "../../../core/contract/organizers";
import { createApp } from "../../../worker/app";
import { ORGANIZER_ROUTES, type RouteRule } from "../../../worker/routes/admin/permissions";
import { as, type Credential, seedWorld, sessionOf, type World } from "./world";

/**
 * The authorization matrix, generated from the permission table: every organizer route × every
 * kind of caller. Only the allowed pass; the rest get 401, 403 or a 404 that says no more than
 * the 404 for a made-up id.
 */

type Caller =
  | { name: string; kind: "none" | "expired" }
  | {
      name: string;
      kind: "person";
      ws: "A" | "B";
      role: OrganizerRole;
      limited: boolean;
      who: keyof World["people"] | "owner";
    }
  | { name: string; kind: "token"; with: boolean };

const CALLERS: Caller[] = [
  { name: "no credentials", kind: "none" },
  { name: "expired session", kind: "expired" },
  { name: "viewer", kind: "person", ws: "A", role: "viewer", limited: false, who: "viewer" },
  { name: "organizer of another workspace", kind: "person", ws: "B", role: "organizer", limited: false, who: "orgB" },
  {
    name: "organizer limited to another event",
    kind: "person",
    ws: "A",
    role: "organizer",
    limited: true,
    who: "limited",
  },
  { name: "organizer", kind: "person", ws: "A", role: "organizer", limited: false, who: "organizer" },
  { name: "owner", kind: "person", ws: "A", role: "owner", limited: false, who: "owner" },
  { name: "token with the scope", kind: "token", with: true },
  { name: "token without the scope", kind: "token", with: false },
];

/** Routes left out of the generated matrix, each with its reason (and its own test elsewhere). */
const NOT_IN_MATRIX: Record<string, string> = {
  "POST /api/admin/demo": "demo seeding (DEMO=true only): organizers.test.ts checks it stays in its workspace",
  "POST /api/admin/demo/crowd": "demo seeding, as above",
};

const WORKSPACE_LEVEL: Scope[] = ["workspace:manage", "events:write"];

type Outcome = "pass" | 401 | 403 | 404;

/** What should happen, worked out from the roles' scopes independently of the server's code. */
function expected(rule: RouteRule, c: Caller): Outcome {
  if (c.kind === "none" || c.kind === "expired") return 401;
  const scope = rule.scope;
  const tokenScopes: readonly Scope[] =
    c.kind === "token"
      ? scope && (TOKEN_SCOPES as readonly Scope[]).includes(scope)
        ? c.with
          ? [scope]
          : TOKEN_SCOPES.filter((s) => s !== scope)
        : c.with
          ? TOKEN_SCOPES
          : []
      : [];
  const target = rule.target;
  if (target === "caller") return "pass";
  if (target === "person") return c.kind === "token" ? 403 : "pass";
  if (!scope) return "pass";
  if (c.kind === "token") return tokenScopes.includes(scope) ? "pass" : 403;
  if (c.kind !== "person") return 401;
  const held = scopesOf(c.role);
  if (target === "list") return held.includes(scope) && (!c.limited || !WORKSPACE_LEVEL.includes(scope)) ? "pass" : 403;
  if (c.ws !== "A") return 404;
  if (typeof target === "object" && "workspace" in target) {
    return held.includes(scope) && (!c.limited || !WORKSPACE_LEVEL.includes(scope)) ? "pass" : 403;
  }
  // Event and session targets are event one; the limited organizer sees event two only.
  if (c.limited) return 404;
  return held.includes(scope) ? "pass" : 403;
}

function credentialOf(w: World, rule: RouteRule, c: Caller): Credential {
  switch (c.kind) {
    case "none":
      return null;
    case "expired":
      return w.people.expired.cred;
    case "person":
      return c.who === "owner" ? w.owner : w.people[c.who].cred;
    case "token": {
      const scope = rule.scope && (TOKEN_SCOPES as readonly string[]).includes(rule.scope) ? rule.scope : "events:read";
      const pair = w.tokens[scope as keyof World["tokens"]];
      // workspace:manage: no token can hold it; "with" is the token with every token scope.
      if (rule.scope === "workspace:manage") return c.with ? w.tokens["events:read"].without : pair.without;
      return c.with ? pair.with : pair.without;
    }
  }
}

const MADE_UP: Record<string, string> = {
  eventId: "evt_madeup0000000000000000",
  sessionId: "ses_madeup0000000000000000",
  workspaceId: "ws_madeup0000000000000000",
};

function urlOf(w: World, rule: RouteRule, madeUp?: string): string {
  const values: Record<string, string> = {
    eventId: w.e1,
    sessionId: w.s1,
    workspaceId: w.A,
    registrationId: w.r1,
    personId: w.dummyMember,
    tokenId: w.dummyToken,
    id: "nothing-here",
    call: "x",
  };
  return rule.path.replace(/:(\w+)/g, (_, name: string) => (name === madeUp ? MADE_UP[name]! : values[name]!));
}

const targetParam = (rule: RouteRule): string | undefined =>
  typeof rule.target === "object" ? Object.values(rule.target)[0] : undefined;

describe("organizer authorization matrix", () => {
  it("lists every /api/admin route the app serves, and only those", () => {
    const served = createApp()
      .routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/admin/"))
      .map((r) => `${r.method} ${r.path}`);
    const table = ORGANIZER_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect([...new Set(served)].sort()).toEqual([...table].sort());
  });

  it("lets only the allowed callers through, and hides what they may not see", { timeout: 120_000 }, async () => {
    const w = await seedWorld();
    const rules = ORGANIZER_ROUTES.filter(
      (r) => r.target !== "public" && r.target !== "bootstrap" && !NOT_IN_MATRIX[`${r.method} ${r.path}`],
    );
    // Signing out ends the caller's session: those run last, each with a session of its own.
    const signsOut = (r: RouteRule) => r.path.endsWith("/signout") || r.path.endsWith("/signout-everywhere");
    rules.sort((a, b) => Number(signsOut(a)) - Number(signsOut(b)));
    const wrong: string[] = [];
    let requests = 0;
    for (const rule of rules) {
      for (const caller of CALLERS) {
        let cred = credentialOf(w, rule, caller);
        if (signsOut(rule) && caller.kind === "person") {
          cred = { cookie: await sessionOf(caller.who === "owner" ? w.ownerId : w.people[caller.who].personId) };
        }
        const send = (url: string) =>
          as(cred, url, { method: rule.method, ...(rule.method === "GET" ? {} : { json: {} }) });
        const res = await send(urlOf(w, rule));
        requests++;
        const body = await res.text();
        const want = expected(rule, caller);
        const label = `${rule.method} ${rule.path} as ${caller.name}`;
        const param = targetParam(rule);
        if (want === "pass") {
          if (res.status === 401 || res.status === 403) wrong.push(`${label}: ${res.status} ${body}`);
          if (res.status === 404 && param) {
            const madeUp = await (await send(urlOf(w, rule, param))).text();
            const realId = { eventId: w.e1, sessionId: w.s1, workspaceId: w.A }[param]!;
            if (body.replaceAll(realId, "ID") === madeUp.replaceAll(MADE_UP[param]!, "ID"))
              wrong.push(`${label}: refused as not found`);
          }
          continue;
        }
        if (res.status !== want) {
          wrong.push(`${label}: ${res.status}, expected ${want}: ${body.slice(0, 160)}`);
          continue;
        }
        if (want === 404 && param) {
          // The hidden thing's 404 is the made-up id's 404, word for word (but the id).
          const madeUp = await (await send(urlOf(w, rule, param))).text();
          const realId = { eventId: w.e1, sessionId: w.s1, workspaceId: w.A }[param]!;
          if (body.replaceAll(realId, "ID") !== madeUp.replaceAll(MADE_UP[param]!, "ID"))
            wrong.push(`${label}: hidden 404 ${body} differs from a made-up id's ${madeUp}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(requests).toBeGreaterThan(rules.length * CALLERS.length - 1);
  });
});
