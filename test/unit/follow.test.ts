import { describe, expect, it } from "vitest";
import { decideFollow, landingPlace, targetAt, type FollowSession } from "../../client/src/features/follow/follow";

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
    expect(decideFollow({ ...base, now: at(0), place: home })).toEqual({ kind: "move", to: inSession("stage"), reason: "started" });
  });

  it("moves from the stage into a breakout when it starts, and back when it ends", () => {
    expect(decideFollow({ ...base, now: at(45), place: inSession("stage") })).toEqual({ kind: "move", to: inSession("breakout"), reason: "started" });
    expect(decideFollow({ ...base, now: at(90), place: inSession("breakout") })).toEqual({ kind: "move", to: inSession("stage"), reason: "ended" });
  });

  it("does not pull someone out of a breakout back to a stage that started earlier", () => {
    expect(decideFollow({ ...base, now: at(60), place: inSession("breakout") })).toEqual({ kind: "stay" });
  });

  it("respects a person who chose to stay", () => {
    expect(decideFollow({ ...base, declined: new Set(["breakout"]), now: at(50), place: inSession("stage") })).toEqual({ kind: "stay" });
  });

  it("with follow off, stays put until the session ends, then goes home", () => {
    expect(decideFollow({ ...base, follow: false, now: at(50), place: inSession("stage") })).toEqual({ kind: "stay" });
    expect(decideFollow({ ...base, follow: false, now: at(90), place: inSession("breakout") })).toEqual({ kind: "move", to: home, reason: "ended" });
  });

  it("follows a moderator's 'everyone to …', even with follow off, unless the person declined it", () => {
    expect(decideFollow({ ...base, follow: false, sentTo: "breakout", now: at(20), place: inSession("stage") })).toEqual({
      kind: "move",
      to: inSession("breakout"),
      reason: "moderator",
    });
    expect(decideFollow({ ...base, sentTo: "breakout", sendDeclined: true, now: at(20), place: inSession("stage") })).toEqual({ kind: "stay" });
  });

  it("follows a moderator's send to the programme's current target, although that target counts as seen", () => {
    // Opened the carousel before it starts: the stage (the programme's target) counts as seen
    // there. The moderator then sends everyone to the stage: a send, not the programme, so only
    // declining that send may keep the person where they are.
    expect(decideFollow({ ...base, declined: new Set(["stage"]), sentTo: "stage", now: at(10), place: inSession("carousel") })).toEqual({
      kind: "move",
      to: inSession("stage"),
      reason: "moderator",
    });
    expect(decideFollow({ ...base, declined: new Set(["stage"]), sentTo: "stage", sendDeclined: true, now: at(10), place: inSession("carousel") })).toEqual({ kind: "stay" });
  });

  it("does not carry off the staff who run the session: a send moves its audience", () => {
    expect(decideFollow({ ...base, staff: true, sentTo: "breakout", now: at(20), place: inSession("stage") })).toEqual({ kind: "stay" });
    // The programme still moves them like everyone else.
    expect(decideFollow({ ...base, staff: true, now: at(45), place: inSession("stage") })).toEqual({ kind: "move", to: inSession("breakout"), reason: "started" });
  });

  it("lands a reload or a second device where the person should be now", () => {
    expect(landingPlace(programme, at(50), true)).toEqual(inSession("breakout"));
    expect(landingPlace(programme, at(50), false)).toEqual(home);
    expect(landingPlace(programme, at(500), true)).toEqual(home);
  });

  it("sends someone in a session that is no longer in their programme home", () => {
    expect(decideFollow({ ...base, now: at(10), place: inSession("deleted") })).toEqual({ kind: "move", to: inSession("stage"), reason: "ended" });
  });
});
