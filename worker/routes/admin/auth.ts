import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Context } from "hono";
import type { AppEnv } from "../../app-env";
import type { OrganizerMe, OrganizerSessionView } from "../../../core/contract/organizers";
import { database } from "../../../server/db/client";
import { cookieSecure } from "../../../server/cookies";
import {
  consumeSigninLink,
  findSigninLinkPerson,
  revokeAllSessions,
  revokeOrganizerSession,
  sessionsOfPerson,
} from "../../../server/db/organizer-auth";
import { findOrganizerByEmail, markSignedIn, workspacesByIds } from "../../../server/db/organizers";
import { ApiError, ErrorCode, notFound } from "../../../server/errors";
import type { Principal } from "../../../server/organizers/access";
import { sha256Hex } from "../../../server/organizers/secrets";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../../../server/organizers/sessions";
import {
  issueSigninLink,
  ORGANIZER_COOKIE,
  principalForPerson,
  principalFromCookie,
  startSession,
} from "../../../server/organizers/signin";
import { clientIp, clientKey, enforceLimit } from "../../lib/rate-limit";
import { meView, organizerSessionView } from "../../lib/organizer-views";
import { jsonBody } from "../../lib/validation";
import { SignInBody, SignInLinkBody } from "../../schemas/organizers";

const person = (c: Context<AppEnv>) => c.get("organizer") as Extract<Principal, { kind: "person" }>;

export async function meOf(c: Context<AppEnv>, p: Principal): Promise<OrganizerMe> {
  const ids = p.kind === "token" ? [p.workspaceId] : p.memberships.map((m) => m.workspaceId);
  return meView(p, await workspacesByIds(database(c.env.DB), ids));
}

const linkInvalid = () =>
  new ApiError(
    401,
    ErrorCode.linkInvalid,
    "This sign-in link does not work (it was used, has expired or is incomplete). Ask for a new one.",
  );

/**
 * Starts a session for the person in this browser (the `foyer_admin` cookie) and records the
 * sign-in: the one way in after an e-mailed link or a passkey. Undefined if the person is gone.
 */
export async function signInAs(c: Context<AppEnv>, personId: string, now: number): Promise<Principal | undefined> {
  const db = database(c.env.DB);
  const session = await startSession(
    db,
    personId,
    { userAgent: c.req.header("User-Agent") ?? null, ip: clientIp(c) },
    now,
  );
  await markSignedIn(db, personId, now);
  setCookie(c, ORGANIZER_COOKIE, session.cookie, {
    path: "/",
    httpOnly: true,
    secure: cookieSecure(c.req.url),
    sameSite: "Strict",
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
  return principalForPerson(db, personId, session.idHash);
}

const endCookie = (c: Context<AppEnv>) =>
  deleteCookie(c, ORGANIZER_COOKIE, { path: "/", secure: cookieSecure(c.req.url) });

/** The same answer whether or not the address has an account. */
const LINK_SENT = { message: "If this address has an organizer account, a sign-in link is on its way." };

/**
 * `/api/admin/auth` — organizer sign-in: ask for an e-mailed link, use it, see who you are, sign
 * out here or everywhere, list and end your sessions.
 */
export const auth = new Hono<AppEnv>()
  .post("/link", async (c) => {
    await enforceLimit(c.env.ORGANIZER_LINK_IP_LIMITER, `organizer-link:${clientKey(c)}`);
    const body = await jsonBody(c, SignInLinkBody);
    const email = body.email.toLowerCase();
    await enforceLimit(c.env.ORGANIZER_LINK_ADDRESS_LIMITER, `organizer-address:${email}`);
    const db = database(c.env.DB);
    const found = await findOrganizerByEmail(db, email);
    // Sent after the answer, so an address with an account takes no longer to answer than one without.
    if (found) {
      const sending = issueSigninLink(db, c.get("config"), found, { kind: "signin", language: body.language ?? "en" });
      c.executionCtx.waitUntil(sending.catch((error) => console.error("organizer sign-in link not sent", error)));
    }
    return c.json(LINK_SENT, 202);
  })
  .post("/signin", async (c) => {
    const { token } = await jsonBody(c, SignInBody);
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw linkInvalid();
    const db = database(c.env.DB);
    const tokenHash = await sha256Hex(token);
    // Signed in as someone else in this browser: refuse without using the link, so a link sent
    // by someone else cannot quietly swap the account this browser works in.
    const current = getCookie(c, ORGANIZER_COOKIE);
    const already = current ? await principalFromCookie(db, current) : undefined;
    if (already?.kind === "person" && (await findSigninLinkPerson(db, tokenHash)) !== already.personId) {
      throw new ApiError(
        409,
        ErrorCode.conflict,
        "This browser is signed in as someone else. Sign out first, then open the link again.",
      );
    }
    const now = Date.now();
    const personId = await consumeSigninLink(db, tokenHash, now);
    if (!personId) throw linkInvalid();
    const principal = await signInAs(c, personId, now);
    if (!principal) throw linkInvalid();
    return c.json(await meOf(c, principal));
  })
  .get("/me", async (c) => c.json(await meOf(c, c.get("organizer"))))
  .post("/signout", async (c) => {
    const p = person(c);
    await revokeOrganizerSession(database(c.env.DB), p.personId, p.sessionIdHash, Date.now());
    endCookie(c);
    return c.body(null, 204);
  })
  .post("/signout-everywhere", async (c) => {
    await revokeAllSessions(database(c.env.DB), person(c).personId, Date.now());
    endCookie(c);
    return c.body(null, 204);
  })
  .get("/sessions", async (c) => {
    const p = person(c);
    const rows = await sessionsOfPerson(database(c.env.DB), p.personId, Date.now(), SESSION_IDLE_MS);
    return c.json({
      items: rows.map((s) => organizerSessionView(s, p.sessionIdHash)) satisfies OrganizerSessionView[],
    });
  })
  .delete("/sessions/:id", async (c) => {
    const p = person(c);
    const id = c.req.param("id");
    if (!(await revokeOrganizerSession(database(c.env.DB), p.personId, id, Date.now()))) throw notFound("This session");
    if (id === p.sessionIdHash) endCookie(c);
    return c.body(null, 204);
  });
