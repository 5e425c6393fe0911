import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decideModeration,
  decideRaise,
  liveGuests,
  myHand,
} from "../../../durable-objects/session/features/stagedoor/hand-rules";
import { pageOf, providerMaxTiles, selectMatrix, sourceUpdates, tilesPerPage } from "../../../core/rules/matrix";
import { admit, sees } from "../../../durable-objects/features/rtc/rules";
import type { HandEntry, MatrixTile } from "../../../core/protocol";
import { positionOf, queueOrder } from "../../../core/rules/hand-queue";

const hand = (registrationId: string, raisedAt: number, status: HandEntry["status"] = "waiting"): HandEntry => ({
  registrationId,
  name: registrationId,
  topic: "",
  raisedAt,
  status,
  approvedAt: status === "live" ? raisedAt + 1 : null,
});

describe("raise-hand queue", () => {
  it("orders waiting hands by when they went up, ties by id, and leaves live ones out", () => {
    const hands = [hand("c", 30), hand("b", 10), hand("live", 5, "live"), hand("a", 10)];
    expect(queueOrder(hands).map((h) => h.registrationId)).toEqual(["a", "b", "c"]);
    expect(positionOf(hands, "c")).toBe(3);
    expect(positionOf(hands, "live")).toBeUndefined();
    expect(liveGuests(hands)).toEqual(["live"]);
  });

  it("gives every waiting person a distinct place 1…n, whatever the order hands arrive in", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.nat(50)), {
          selector: (t) => t[0],
          maxLength: 30,
        }),
        (raw) => {
          const hands = raw.map(([id, at]) => hand(id, at));
          const places = hands.map((h) => positionOf(hands, h.registrationId)!).sort((a, b) => a - b);
          expect(places).toEqual(hands.map((_, i) => i + 1));
          // Earlier hands are never behind later ones.
          for (const x of hands)
            for (const y of hands)
              if (x.raisedAt < y.raisedAt)
                expect(positionOf(hands, x.registrationId)!).toBeLessThan(positionOf(hands, y.registrationId)!);
        },
      ),
    );
  });

  it("tells a person their own state: place, or live in the stream room", () => {
    const hands = [hand("a", 1), hand("b", 2), hand("c", 0, "live")];
    expect(myHand(hands, "b", "room")).toEqual({ status: "waiting", position: 2, topic: "", raisedAt: 2 });
    expect(myHand(hands, "c", "room")).toEqual({ status: "live", streamRoomId: "room", approvedAt: 1 });
    expect(myHand(hands, "nobody", "room")).toEqual({ status: "none" });
  });

  it("takes a short cleaned topic, keeps the place on a new topic, and refuses staff and stages without a stream room", () => {
    const ctx = { staff: false, hasStreamRoom: true, waiting: 0 };
    expect(decideRaise(undefined, "  hi\u202E there ", ctx)).toEqual({
      ok: true,
      value: { kind: "new", topic: "hi there" },
    });
    expect(decideRaise(hand("a", 1), "new topic", ctx)).toEqual({
      ok: true,
      value: { kind: "topic", topic: "new topic" },
    });
    expect(decideRaise(undefined, "x".repeat(141), ctx)).toMatchObject({
      ok: false,
      code: "bad_frame",
      field: "topic",
    });
    expect(decideRaise(undefined, "", { ...ctx, staff: true })).toMatchObject({ ok: false, code: "not_allowed" });
    expect(decideRaise(undefined, "", { ...ctx, hasStreamRoom: false })).toMatchObject({ ok: false, code: "closed" });
    expect(decideRaise(hand("a", 1, "live"), "", ctx)).toMatchObject({ ok: false, code: "conflict" });
    expect(decideRaise(undefined, "", { ...ctx, waiting: 500 })).toMatchObject({ ok: false, code: "limit_reached" });
  });

  it("approves and dismisses only waiting hands, and ends only live contributions", () => {
    expect(decideModeration(hand("a", 1), "approve")).toEqual({ ok: true, value: "live" });
    expect(decideModeration(hand("a", 1), "dismiss")).toEqual({ ok: true, value: "gone" });
    expect(decideModeration(hand("a", 1), "end")).toMatchObject({ ok: false, code: "conflict" });
    expect(decideModeration(hand("a", 1, "live"), "end")).toEqual({ ok: true, value: "gone" });
    expect(decideModeration(hand("a", 1, "live"), "approve")).toMatchObject({ ok: false, code: "conflict" });
    expect(decideModeration(undefined, "approve")).toMatchObject({ ok: false, code: "not_found" });
  });
});

const tile = (registrationId: string, name: string, sessionId = "stage"): MatrixTile => ({
  registrationId,
  name,
  sessionId,
});

describe("matrix selection", () => {
  const present = [tile("r1", "Chloé"), tile("r2", "ada"), tile("r3", "Bram"), tile("r4", "Dana", "breakout")];
  const consented = new Map<string, Record<string, string | string[]>>([
    ["r1", { ticket: "speaker" }],
    ["r2", { ticket: "vip" }],
    ["r4", { ticket: "vip" }],
  ]);

  it("shows only people who opted in and were not removed, by name", () => {
    expect(selectMatrix({ present, consented, removed: new Set(), conditions: [] }).map((t) => t.name)).toEqual([
      "ada",
      "Chloé",
      "Dana",
    ]);
    expect(selectMatrix({ present, consented, removed: new Set(["r2"]), conditions: [] }).map((t) => t.name)).toEqual([
      "Chloé",
      "Dana",
    ]);
  });

  it("filters by attributes like a session audience", () => {
    const conditions = [{ attribute: "ticket", op: "in" as const, values: ["VIP"] }];
    expect(selectMatrix({ present, consented, removed: new Set(), conditions }).map((t) => t.registrationId)).toEqual([
      "r2",
      "r4",
    ]);
  });

  it("never selects anyone who did not opt in or was removed, whatever the sources report", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            registrationId: fc.constantFrom("a", "b", "c", "d", "e"),
            name: fc.string(),
            sessionId: fc.constantFrom("s1", "s2"),
          }),
        ),
        fc.subarray(["a", "b", "c", "d", "e"]),
        fc.subarray(["a", "b", "c", "d", "e"]),
        (reported, optedIn, removed) => {
          const chosen = selectMatrix({
            present: reported,
            consented: new Map(optedIn.map((id) => [id, {}])),
            removed: new Set(removed),
            conditions: [],
          });
          for (const t of chosen) {
            expect(optedIn).toContain(t.registrationId);
            expect(removed).not.toContain(t.registrationId);
          }
          expect(new Set(chosen.map((t) => t.registrationId)).size).toBe(chosen.length);
        },
      ),
    );
  });

  it("pages through everyone, each person on exactly one page, wrapping past the end", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 25 }), (n, size) => {
        const all = Array.from({ length: n }, (_, i) => tile(`r${i}`, `p${String(i).padStart(2, "0")}`));
        const { pages } = pageOf(all, size, 0);
        const seen = Array.from({ length: pages }, (_, p) => pageOf(all, size, p).tiles).flat();
        expect(seen).toEqual(all);
        expect(pageOf(all, size, pages).page).toBe(0);
        for (let p = 0; p < pages; p++) expect(pageOf(all, size, p).tiles.length).toBeLessThanOrEqual(size);
      }),
    );
  });

  it("fits a page to the provider: 25 tiles with Chime, the mesh cap locally", () => {
    expect(providerMaxTiles("aws", 6)).toBe(25);
    expect(providerMaxTiles("local", 6)).toBe(6);
    expect(tilesPerPage(16, providerMaxTiles("local", 6))).toBe(6);
    expect(tilesPerPage(16, providerMaxTiles("aws", 6))).toBe(16);
  });

  it("tells every session that may still show someone, so no camera keeps going off the page", () => {
    const updates = sourceUpdates(["stage", "old-breakout"], [tile("r1", "a", "stage"), tile("r2", "b", "breakout")]);
    expect(Object.fromEntries(updates)).toEqual({ stage: ["r1"], "old-breakout": [], breakout: ["r2"] });
  });
});

describe("star calls", () => {
  const base = {
    kind: "stage" as const,
    call: "matrix",
    registrationId: "p",
    role: "participant" as const,
    removed: false,
    members: undefined,
    othersInCall: 0,
    maxPeers: 3,
  };

  it("connects people to output pages only, never to each other", () => {
    expect(sees("matrix", {}, {})).toBe(false);
    expect(sees("matrix", {}, { output: true })).toBe(true);
    expect(sees("matrix", { output: true }, {})).toBe(true);
    expect(sees("main", {}, {})).toBe(true);
  });

  it("admits to the matrix call only the people shown and staff output pages", () => {
    expect(admit(base)).toMatchObject({ ok: false, reason: "not_paired" });
    expect(admit({ ...base, members: new Set(["p"]) })).toEqual({ ok: true });
    expect(admit({ ...base, output: true })).toMatchObject({ ok: false, reason: "not_invited" });
    expect(admit({ ...base, role: "producer", output: true })).toEqual({ ok: true });
    expect(admit({ ...base, role: "producer" })).toMatchObject({ ok: false, reason: "not_paired" });
    // An output page on a stage's own call is still refused: a stage has no call of its own.
    expect(admit({ ...base, call: "main", role: "producer", output: true })).toMatchObject({
      ok: false,
      reason: "no_call",
    });
  });
});
