import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../app-env";
import type { PasskeyView } from "../../../core/contract/organizers";
import { auditEntry } from "../../../server/db/audit";
import { runBatch } from "../../../server/db/batch";
import { database } from "../../../server/db/client";
import { findOrganizer } from "../../../server/db/organizers";
import {
  deletePasskey,
  findPasskey,
  insertPasskey,
  ownPasskey,
  passkeysOf,
  renamePasskey,
} from "../../../server/db/passkeys";
import { ApiError, ErrorCode, notFound } from "../../../server/errors";
import type { Principal } from "../../../server/organizers/access";
import {
  PasskeyRefused,
  registrationOptions,
  signinOptions,
  verifyRegistration,
  verifySignin,
} from "../../../server/organizers/passkeys";
import { passkeyView } from "../../lib/organizer-views";
import { clientKey, enforceLimit } from "../../lib/rate-limit";
import { jsonBody } from "../../lib/validation";
import { AddPasskeyBody, PasskeySignInBody, RenamePasskeyBody } from "../../schemas/organizers";
import { meOf, signInAs } from "./auth";

type Person = Extract<Principal, { kind: "person" }>;
const person = (c: Context<AppEnv>) => c.get("organizer") as Person;

/** One answer for every way a ceremony can fail, so the answer tells a prober nothing. */
const passkeyInvalid = (status: 400 | 401) =>
  new ApiError(
    status,
    ErrorCode.passkeyInvalid,
    status === 401
      ? "This passkey did not sign you in. Try again, or ask for a sign-in link by e-mail."
      : "This passkey could not be added. Try again.",
  );

/** Logs why (for whoever runs the server), answers the one code. */
async function refusedAs<T>(status: 400 | 401, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof PasskeyRefused) {
      console.warn("passkey refused:", err.message);
      throw passkeyInvalid(status);
    }
    throw err;
  }
}

/** Passkey changes go into the audit log of every workspace the person works in. */
function auditPasskey(
  c: Context<AppEnv>,
  p: Person,
  action: "passkey.add" | "passkey.remove",
  id: string,
  name: string,
  now: number,
) {
  const db = database(c.env.DB);
  const workspaces = p.memberships.length > 0 ? p.memberships.map((m) => m.workspaceId) : [null];
  return workspaces.map((workspaceId) =>
    auditEntry(db, c.get("actor"), action, { workspaceId, target: `passkey:${id}`, details: { name } }, now),
  );
}

/** Sign-in ceremonies are counted per client IP, like asking for a sign-in link. */
const limitSignin = (c: Context<AppEnv>) =>
  enforceLimit(c.env.ORGANIZER_LINK_IP_LIMITER, `organizer-passkey:${clientKey(c)}`);

/**
 * `/api/admin/auth/passkeys` (the signed-in person's own passkeys: add, list, rename, remove) and
 * `/api/admin/auth/passkey` (signing in with one: no address needed, the passkey says who).
 */
export const passkeys = new Hono<AppEnv>()
  .post("/passkeys/options", async (c) => {
    const db = database(c.env.DB);
    const row = await findOrganizer(db, person(c).personId);
    if (!row) throw notFound("This person");
    return c.json(await registrationOptions(db, c.get("config"), row));
  })
  .post("/passkeys", async (c) => {
    const p = person(c);
    const body = await jsonBody(c, AddPasskeyBody);
    const db = database(c.env.DB);
    const now = Date.now();
    const credential = await refusedAs(400, () =>
      verifyRegistration(db, c.get("config"), p.personId, body.response as unknown as RegistrationResponseJSON, now),
    );
    if (await findPasskey(db, credential.id)) {
      throw new ApiError(409, ErrorCode.conflict, "This passkey was added already.");
    }
    await runBatch(db, [
      insertPasskey(db, { ...credential, personId: p.personId, name: body.name, createdAt: now }),
      ...auditPasskey(c, p, "passkey.add", credential.id, body.name, now),
    ]);
    return c.json(passkeyView((await findPasskey(db, credential.id))!) satisfies PasskeyView, 201);
  })
  .get("/passkeys", async (c) => {
    const rows = await passkeysOf(database(c.env.DB), person(c).personId);
    return c.json({ items: rows.map(passkeyView) satisfies PasskeyView[] });
  })
  .patch("/passkeys/:id", async (c) => {
    const p = person(c);
    const id = c.req.param("id");
    const { name } = await jsonBody(c, RenamePasskeyBody);
    const db = database(c.env.DB);
    if (!(await ownPasskey(db, p.personId, id))) throw notFound("This passkey");
    await renamePasskey(db, p.personId, id, name);
    return c.json(passkeyView((await ownPasskey(db, p.personId, id))!) satisfies PasskeyView);
  })
  .delete("/passkeys/:id", async (c) => {
    const p = person(c);
    const id = c.req.param("id");
    const db = database(c.env.DB);
    const row = await ownPasskey(db, p.personId, id);
    if (!row) throw notFound("This passkey");
    const now = Date.now();
    await runBatch(db, [deletePasskey(db, p.personId, id), ...auditPasskey(c, p, "passkey.remove", id, row.name, now)]);
    return c.body(null, 204);
  })
  .post("/passkey/options", async (c) => {
    await limitSignin(c);
    return c.json(await signinOptions(database(c.env.DB), c.get("config")));
  })
  .post("/passkey", async (c) => {
    await limitSignin(c);
    const body = await jsonBody(c, PasskeySignInBody);
    const db = database(c.env.DB);
    const now = Date.now();
    const passkey = await refusedAs(401, () =>
      verifySignin(db, c.get("config"), body.response as unknown as AuthenticationResponseJSON, now),
    );
    const principal = await signInAs(c, passkey.personId, now);
    if (!principal) throw passkeyInvalid(401);
    return c.json(await meOf(c, principal));
  });
