import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../../server/base64url";
import { signToken, verifyToken, type TokenClaims } from "../../server/tokens";

const k1 = { id: "k1", secret: "first-secret-0123456789abcdef0123456789" };
const k2 = { id: "k2", secret: "second-secret-0123456789abcdef012345678" };
const claims: TokenClaims = {
  registrationId: "reg_1",
  eventId: "evt_1",
  role: "participant",
  linkVersion: 3,
  expiresAt: 2_000_000_000,
};
const now = 1_900_000_000;

describe("personal link tokens", () => {
  it("round-trips the claims", async () => {
    const token = await signToken(k1, "link", claims);
    expect(await verifyToken([k1], "link", token, now)).toEqual({ ok: true, claims });
  });

  it("refuses a token whose claims were edited (e.g. a role upgrade)", async () => {
    const token = await signToken(k1, "link", claims);
    const [kid, , mac] = token.split(".");
    const forged = toBase64Url(
      new TextEncoder().encode(JSON.stringify({ r: "reg_1", e: "evt_1", o: "moderator", v: 3, x: 2_000_000_000 })),
    );
    expect(await verifyToken([k1], "link", `${kid}.${forged}.${mac}`, now)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses a flipped signature bit", async () => {
    const token = await signToken(k1, "link", claims);
    const mac = fromBase64Url(token.split(".")[2]!)!;
    mac[0]! ^= 1;
    const flipped = `${token.split(".").slice(0, 2).join(".")}.${toBase64Url(mac)}`;
    expect(await verifyToken([k1], "link", flipped, now)).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("keeps cookies and links apart: a session token does not open as a link", async () => {
    const session = await signToken(k1, "session", claims);
    expect(await verifyToken([k1], "link", session, now)).toMatchObject({ ok: false, reason: "bad_signature" });
  });

  it("reports an authentic but expired token as expired, with its claims", async () => {
    const token = await signToken(k1, "link", claims);
    expect(await verifyToken([k1], "link", token, claims.expiresAt)).toEqual({ ok: false, reason: "expired", claims });
  });

  it("verifies with a rotated-out key that is still listed, and not once it is removed", async () => {
    const old = await signToken(k1, "link", claims);
    expect(await verifyToken([k2, k1], "link", old, now)).toMatchObject({ ok: true });
    expect(await verifyToken([k2], "link", old, now)).toEqual({ ok: false, reason: "unknown_key" });
    const fresh = await signToken(k2, "link", claims);
    expect(fresh.startsWith("k2.")).toBe(true);
  });

  it("refuses malformed tokens without throwing", async () => {
    for (const bad of ["", "a.b", "k1..", "k1.e30.AAAA", "k1.!!!.abc", "x".repeat(2000), `k1.e30.${"A".repeat(43)}`]) {
      expect((await verifyToken([k1], "link", bad, now)).ok).toBe(false);
    }
  });

  it("uses a 256-bit MAC", async () => {
    const token = await signToken(k1, "link", claims);
    expect(fromBase64Url(token.split(".")[2]!)).toHaveLength(32);
  });
});
