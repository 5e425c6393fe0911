import { describe, expect, it, vi } from "vitest";
import type { ServerFrame } from "../../core/protocol";
import { chat } from "../../client/src/features/chat/state";
import { hand } from "../../client/src/features/hand/state";
import { matrix } from "../../client/src/features/matrix/state";
import { nav } from "../../client/src/features/nav/state";
import { poll } from "../../client/src/features/poll/state";
import { presence } from "../../client/src/features/presence/state";
import { qa } from "../../client/src/features/qa/state";
import { quiz } from "../../client/src/features/quiz/state";
import { reaction } from "../../client/src/features/reaction/state";
import { combineSlices, type AnySlice } from "../../client/src/features/session/slice";
import { elsewhere, emptyState, slices } from "../../client/src/features/session/state";
import type { MutationRequest } from "../../client/src/features/session/types";
import { wordcloud } from "../../client/src/features/wordcloud/state";

type Spied = Record<string, ReturnType<typeof vi.fn>>;
const spy = (handlers: object | undefined): Spied =>
  Object.fromEntries(Object.keys(handlers ?? {}).map((type) => [type, vi.fn()]));

/** The list as it is, with every handler replaced by a spy, so each dispatch can be traced to its slice. */
function spiedList() {
  const list = slices.map((slice: AnySlice) => ({
    ...slice,
    snapshot: vi.fn(),
    events: spy(slice.events),
    frames: spy(slice.frames),
    acks: spy(slice.acks),
  }));
  // The spies keep the real slices' keys, so the list covers the protocol just as the real one does.
  return { list, reducer: combineSlices(list as unknown as typeof slices, elsewhere) };
}

describe("the session reducer is built from the list of slices", () => {
  it("lists each live feature once, by its protocol name", () => {
    expect(slices.map((s) => s.feature)).toEqual([
      "presence",
      "chat",
      "qa",
      "reaction",
      "poll",
      "quiz",
      "wordcloud",
      "nav",
      "hand",
      "matrix",
    ]);
  });

  it("starts from every slice's empty part and personal part", () => {
    const s = emptyState() as unknown as Record<string, unknown>;
    for (const slice of slices) expect(s).toMatchObject(slice.empty());
    for (const slice of slices) expect(s.me).toMatchObject(slice.mine?.() ?? {});
    const own = new Set(["ready", "seq", "you", "clockOffset", "me"]);
    expect(
      Object.keys(s)
        .filter((k) => !own.has(k))
        .sort(),
    ).toEqual(slices.flatMap((slice) => Object.keys(slice.empty())).sort());
  });

  it("sends each slice's events (live and in a batch), and only them, to that slice", () => {
    const { list, reducer } = spiedList();
    const s = reducer.emptyState();
    let seq = 0;
    for (const slice of list) {
      for (const [type, handler] of Object.entries(slice.events)) {
        const live = { type, seq: ++seq } as unknown as ServerFrame;
        reducer.applyFrame(s, live);
        const batched = { type, seq: ++seq };
        reducer.applyFrame(s, { type: "batch", events: [batched] } as unknown as ServerFrame);
        // A repeat is skipped before it reaches any slice.
        reducer.applyFrame(s, live);
        expect(handler.mock.calls).toEqual([
          [s, live],
          [s, batched],
        ]);
      }
    }
    const calls = list.flatMap((slice) => Object.values(slice.events)).reduce((n, h) => n + h.mock.calls.length, 0);
    expect(calls).toBe(seq);
  });

  it("sends each slice's personal frames and acks to that slice, and every snapshot to all", () => {
    const { list, reducer } = spiedList();
    const s = reducer.emptyState();
    for (const slice of list) {
      for (const [type, handler] of Object.entries(slice.frames)) {
        const frame = { type } as unknown as ServerFrame;
        reducer.applyFrame(s, frame);
        expect(handler).toHaveBeenCalledExactlyOnceWith(s, frame);
      }
      for (const [type, handler] of Object.entries(slice.acks)) {
        const request = { type } as unknown as MutationRequest;
        reducer.applyAck(s, request, "id_1", 5);
        expect(handler).toHaveBeenCalledExactlyOnceWith(s, request, "id_1", 5);
      }
    }
    // Frames other parts of the page listen to, and mutations that change only shared state, reach no slice.
    for (const type of elsewhere) reducer.applyFrame(s, { type } as unknown as ServerFrame);
    reducer.applyAck(s, { type: "chat/send", text: "Hi" }, undefined, 5);
    const state = { type: "snapshot", seq: 1, state: {} } as unknown as ServerFrame;
    reducer.applyFrame(s, state);
    for (const slice of list) {
      expect(slice.snapshot).toHaveBeenCalledExactlyOnceWith(s, {});
      for (const h of [...Object.values(slice.frames), ...Object.values(slice.acks)]) expect(h).toHaveBeenCalledOnce();
    }
    expect(s.ready).toBe(true);
  });

  it("refuses, at compile time, a list that leaves a frame or event unhandled or handles one twice", () => {
    // Each line is type-checked by `npm run typecheck`; at run time they only build reducers.
    // @ts-expect-error: no slice handles the word cloud's events.
    combineSlices([presence, chat, qa, reaction, poll, quiz, nav, hand, matrix], elsewhere);
    // @ts-expect-error: no slice handles the frames of calls, the stage, the hub and the carousel.
    combineSlices([presence, chat, qa, reaction, poll, quiz, wordcloud, nav, hand, matrix]);
    // @ts-expect-error: poll's events (and its part of the state) claimed twice.
    combineSlices([presence, chat, qa, reaction, poll, quiz, wordcloud, nav, hand, matrix, poll], elsewhere);
    // biome-ignore format: @ts-expect-error covers the one line below it.
    // @ts-expect-error: a frame the hand slice handles said to be for another part of the page.
    combineSlices([presence, chat, qa, reaction, poll, quiz, wordcloud, nav, hand, matrix], [...elsewhere, "hand/mine"]);
    expect(
      combineSlices([presence, chat, qa, reaction, poll, quiz, wordcloud, nav, hand, matrix], elsewhere).emptyState(),
    ).toEqual(emptyState());
  });
});
