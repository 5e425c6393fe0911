import { describe, expect, it } from "vitest";
import { parallelTo, pendingSelection } from "../../core/protocol/programme";
import {
  decideFollow,
  landingPlace,
  selectionKey,
  targetAt,
  type FollowSession,
} from "../../client/src/features/follow/follow";

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 25, 14, 0);
const programme: FollowSession[] = [
  { id: "stage", kind: "stage", startsAt: T0, endsAt: T0 + 180 * MIN },
  { id: "breakout", kind: "breakout", startsAt: T0 + 45 * MIN, endsAt: T0 + 90 * MIN },
  { id: "carousel", kind: "carousel", startsAt: T0 + 120 * MIN, endsAt: T0 + 150 * MIN },
  { id: "room", kind: "stream-room", startsAt: T0, endsAt: T0 + 180 * MIN },
];
const at = (minutes: number) => T0 + minutes * MIN;
const home = { kind: "home" } as const;
const inSession = (sessionId: string) => ({ kind: "session", sessionId }) as const;
const base = { sessions: programme, follow: true, declined: new Set<string>() };

describe("follow my programme", () => {
  it("targets the live session that started last, never a stream room", () => {
    expect(targetAt(programme, at(-5))).toEqual(home);
    expect(targetAt(programme, at(10))).toEqual(inSession("stage"));
    expect(targetAt(programme, at(50))).toEqual(inSession("breakout"));
    expect(targetAt(programme, at(95))).toEqual(inSession("stage"));
    expect(targetAt(programme, at(200))).toEqual(home);
  });

  it("moves someone waiting at home into the stage when it starts", () => {
    expect(decideFollow({ ...base, now: at(-1), place: home })).toEqual({ kind: "stay" });
    expect(decideFollow({ ...base, now: at(0), place: home })).toEqual({
      kind: "move",
      to: inSession("stage"),
      reason: "started",
    });
  });

  it("moves from the stage into a breakout when it starts, and back when it ends", () => {
    expect(decideFollow({ ...base, now: at(45), place: inSession("stage") })).toEqual({
      kind: "move",
      to: inSession("breakout"),
      reason: "started",
    });
    expect(decideFollow({ ...base, now: at(90), place: inSession("breakout") })).toEqual({
      kind: "move",
      to: inSession("stage"),
      reason: "ended",
    });
  });

  it("does not pull someone out of a breakout back to a stage that started earlier", () => {
    expect(decideFollow({ ...base, now: at(60), place: inSession("breakout") })).toEqual({ kind: "stay" });
  });

  it("respects a person who chose to stay", () => {
    expect(decideFollow({ ...base, declined: new Set(["breakout"]), now: at(50), place: inSession("stage") })).toEqual({
      kind: "stay",
    });
  });

  it("with follow off, stays put until the session ends, then goes home", () => {
    expect(decideFollow({ ...base, follow: false, now: at(50), place: inSession("stage") })).toEqual({ kind: "stay" });
    expect(decideFollow({ ...base, follow: false, now: at(90), place: inSession("breakout") })).toEqual({
      kind: "move",
      to: home,
      reason: "ended",
    });
  });

  it("follows a moderator's 'everyone to …', even with follow off, unless the person declined it", () => {
    expect(
      decideFollow({ ...base, follow: false, sentTo: "breakout", now: at(20), place: inSession("stage") }),
    ).toEqual({
      kind: "move",
      to: inSession("breakout"),
      reason: "moderator",
    });
    expect(
      decideFollow({ ...base, sentTo: "breakout", sendDeclined: true, now: at(20), place: inSession("stage") }),
    ).toEqual({ kind: "stay" });
  });

  it("follows a moderator's send to the programme's current target, although that target counts as seen", () => {
    // Opened the carousel before it starts: the stage (the programme's target) counts as seen
    // there. The moderator then sends everyone to the stage: a send, not the programme, so only
    // declining that send may keep the person where they are.
    expect(
      decideFollow({
        ...base,
        declined: new Set(["stage"]),
        sentTo: "stage",
        now: at(10),
        place: inSession("carousel"),
      }),
    ).toEqual({
      kind: "move",
      to: inSession("stage"),
      reason: "moderator",
    });
    expect(
      decideFollow({
        ...base,
        declined: new Set(["stage"]),
        sentTo: "stage",
        sendDeclined: true,
        now: at(10),
        place: inSession("carousel"),
      }),
    ).toEqual({ kind: "stay" });
  });

  it("does not carry off the staff who run the session: a send moves its audience", () => {
    expect(decideFollow({ ...base, staff: true, sentTo: "breakout", now: at(20), place: inSession("stage") })).toEqual({
      kind: "stay",
    });
    // The programme still moves them like everyone else.
    expect(decideFollow({ ...base, staff: true, now: at(45), place: inSession("stage") })).toEqual({
      kind: "move",
      to: inSession("breakout"),
      reason: "started",
    });
  });

  it("lands a reload or a second device where the person should be now", () => {
    expect(landingPlace(programme, at(50), true)).toEqual(inSession("breakout"));
    expect(landingPlace(programme, at(50), false)).toEqual(home);
    expect(landingPlace(programme, at(500), true)).toEqual(home);
  });

  it("sends someone in a session that is no longer in their programme home", () => {
    expect(decideFollow({ ...base, now: at(10), place: inSession("deleted") })).toEqual({
      kind: "move",
      to: inSession("stage"),
      reason: "ended",
    });
  });
});

describe("follow my programme with parallel sessions", () => {
  // The demo's shape: two selectable breakouts at the same time during the stage. Ties used to go
  // to the id that sorts last ("b-critique"), which is how everyone ended up in the critique.
  const parallel: FollowSession[] = [
    { id: "stage", kind: "stage", startsAt: T0, endsAt: T0 + 180 * MIN },
    { id: "b-critique", kind: "breakout", startsAt: T0 + 45 * MIN, endsAt: T0 + 90 * MIN, selectable: true },
    { id: "a-edge", kind: "breakout", startsAt: T0 + 45 * MIN, endsAt: T0 + 90 * MIN, selectable: true },
  ];
  const selecting = (...ids: string[]) => parallel.map((s) => ({ ...s, selected: ids.includes(s.id) }));
  const input = { follow: true, declined: new Set<string>() };

  it("goes to the session the person selected, whichever id sorts first", () => {
    const sessions = selecting("a-edge");
    expect(targetAt(sessions, at(50))).toEqual(inSession("a-edge"));
    expect(decideFollow({ ...input, sessions, now: at(45), place: inSession("stage") })).toEqual({
      kind: "move",
      to: inSession("a-edge"),
      reason: "started",
    });
    expect(landingPlace(sessions, at(50), true)).toEqual(inSession("a-edge"));
    expect(pendingSelection(sessions, at(50))).toBeUndefined();
  });

  it("with no selection among them, asks the person to choose and keeps them with the stage meanwhile", () => {
    const sessions = selecting();
    expect(pendingSelection(sessions, at(50))?.map((s) => s.id)).toEqual(["a-edge", "b-critique"]);
    expect(decideFollow({ ...input, sessions, now: at(45), place: inSession("stage") })).toEqual({
      kind: "choose",
      options: ["a-edge", "b-critique"],
    });
    expect(decideFollow({ ...input, sessions, now: at(45), place: home })).toEqual({
      kind: "choose",
      options: ["a-edge", "b-critique"],
    });
    // Nobody is sent to either on a guess: a reload lands on the stage, and the question follows.
    expect(targetAt(sessions, at(50))).toEqual(inSession("stage"));
    expect(landingPlace(sessions, at(50), true)).toEqual(inSession("stage"));
  });

  it("asks only once ('not now'), not someone already in one of them, and not with follow off", () => {
    const sessions = selecting();
    const notNow = new Set([selectionKey(["a-edge", "b-critique"])]);
    expect(decideFollow({ ...input, sessions, declined: notNow, now: at(50), place: inSession("stage") })).toEqual({
      kind: "stay",
    });
    expect(decideFollow({ ...input, sessions, now: at(50), place: inSession("b-critique") })).toEqual({ kind: "stay" });
    expect(decideFollow({ ...input, sessions, follow: false, now: at(50), place: inSession("stage") })).toEqual({
      kind: "stay",
    });
  });

  it("asks between the ones selected when several were (the form allows it), leaving out the rest", () => {
    const three = [
      ...parallel,
      { id: "c-third", kind: "breakout" as const, startsAt: T0 + 45 * MIN, endsAt: T0 + 90 * MIN, selectable: true },
    ];
    const sessions = three.map((s) => ({ ...s, selected: s.id !== "b-critique" }));
    expect(decideFollow({ ...input, sessions, now: at(45), place: inSession("stage") })).toEqual({
      kind: "choose",
      options: ["a-edge", "c-third"],
    });
  });

  it("asks when the session the person is in ends into parallel sessions, instead of sending them home first", () => {
    const sessions = selecting().map((s) => (s.id === "stage" ? { ...s, endsAt: T0 + 45 * MIN } : s));
    expect(decideFollow({ ...input, sessions, now: at(45), place: inSession("stage") })).toEqual({
      kind: "choose",
      options: ["a-edge", "b-critique"],
    });
  });

  it("does not take someone to an alternative they passed over, even while it runs alone", () => {
    // Staggered: the critique starts first; the person selected the edge breakout, which starts later.
    const sessions = selecting("a-edge").map((s) =>
      s.id === "a-edge" ? { ...s, startsAt: T0 + 60 * MIN, endsAt: T0 + 120 * MIN } : s,
    );
    expect(targetAt(sessions, at(50))).toEqual(inSession("stage"));
    expect(decideFollow({ ...input, sessions, now: at(50), place: inSession("stage") })).toEqual({ kind: "stay" });
    expect(decideFollow({ ...input, sessions, now: at(60), place: inSession("stage") })).toEqual({
      kind: "move",
      to: inSession("a-edge"),
      reason: "started",
    });
  });

  it("lists the parallel alternatives of a selectable session (for the programme page and the server)", () => {
    expect(parallelTo(parallel, parallel[1]!).map((s) => s.id)).toEqual(["a-edge"]);
    expect(parallelTo(parallel, parallel[0]!)).toEqual([]);
  });
});
