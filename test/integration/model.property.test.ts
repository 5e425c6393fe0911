import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyFrame, emptyState, type SessionState } from "../../client/src/features/session/state";
import { connect, liveDemo, mutationId, type DemoName, type LiveClient, type LiveDemo } from "./live/client";

const people = ["ada", "bram", "chloe"] as const satisfies readonly DemoName[];
type Person = (typeof people)[number];

type Op =
  | { kind: "vote"; who: Person; choice: number }
  | { kind: "chat"; who: Person }
  | { kind: "upvote"; who: Person; up: boolean }
  | { kind: "reconnect"; who: Person }
  /** A vote or chat line sent just before the connection drops: the page resends it, same id, after reconnecting. */
  | { kind: "drop-and-resend"; who: Person; choice: number; chat: boolean }
  | { kind: "evict"; close: boolean };

const person = fc.constantFrom(...people);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("vote" as const), who: person, choice: fc.integer({ min: 0, max: 2 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("chat" as const), who: person }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("upvote" as const), who: person, up: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("reconnect" as const), who: person }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("drop-and-resend" as const),
      who: person,
      choice: fc.integer({ min: 0, max: 2 }),
      chat: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("evict" as const), close: fc.boolean() }) },
);

/** What the session must show after the acknowledged operations, and nothing else. */
interface Model {
  votes: Partial<Record<Person, number>>;
  upvotes: Partial<Record<Person, boolean>>;
  chat: string[];
}

interface Seat {
  client: LiveClient;
  /** Kept by the page's own reducer, across reconnects, exactly as the browser keeps it. */
  state: SessionState;
}

async function sit(demo: LiveDemo, who: DemoName, state: SessionState): Promise<Seat> {
  const client = await connect(demo.sessionId, demo.cookies[who]);
  // As the page's socket does: broadcasts that reach a new connection before its welcome are
  // dropped (the replay after the welcome covers them; applying them first would skip a gap).
  let welcomed = false;
  client.onFrame = (f) => {
    if (f.type === "welcome") welcomed = true;
    if (welcomed) applyFrame(state, f);
  };
  await client.hello(state.ready ? state.seq : undefined);
  return { client, state };
}

const until = async (check: () => boolean, what: () => string, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`did not converge: ${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("the session against a reference model", () => {
  it("ends where the acknowledged operations say, in the object and in every page, whatever the drops and evictions", async () => {
    const demo = await liveDemo();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 14 }), async (ops) => {
        const marker = `run${run++}-${mutationId()}`;
        const mia = await sit(demo, "mia", emptyState());
        const pollId = (
          await mia.client.ok({
            type: "poll/create",
            poll: { question: marker, kind: "single", options: ["A", "B", "C"] },
          })
        ).entityId!;
        await mia.client.ok({ type: "poll/open", pollId });
        const questionId = (await mia.client.ok({ type: "qa/ask", text: `Question ${marker}` })).entityId!;
        const seats = new Map<Person, Seat>();
        for (const p of people) seats.set(p, await sit(demo, p, emptyState()));
        const model: Model = { votes: {}, upvotes: {}, chat: [] };
        const reseat = async (p: Person) => {
          seats.get(p)!.client.close();
          seats.set(p, await sit(demo, p, seats.get(p)!.state));
        };

        for (const o of ops) {
          switch (o.kind) {
            case "vote": {
              await seats.get(o.who)!.client.ok({ type: "poll/vote", pollId, choices: [o.choice] });
              model.votes[o.who] = o.choice;
              break;
            }
            case "chat": {
              const text = `${marker} #${model.chat.length} by ${o.who}`;
              const answer = await seats.get(o.who)!.client.mutate({ type: "chat/send", text });
              if (answer.type === "ack") model.chat.push(text);
              // The only acceptable refusal: the per-person rate limit.
              else expect(answer.code).toBe("rate_limited");
              break;
            }
            case "upvote": {
              await seats.get(o.who)!.client.ok({ type: "qa/upvote", questionId, up: o.up });
              model.upvotes[o.who] = o.up;
              break;
            }
            case "reconnect":
              await reseat(o.who);
              break;
            case "drop-and-resend": {
              const text = `${marker} #${model.chat.length} by ${o.who}`;
              const frame = o.chat
                ? { type: "chat/send", id: mutationId(), text }
                : { type: "poll/vote", id: mutationId(), pollId, choices: [o.choice] };
              const seat = seats.get(o.who)!;
              seat.client.send(frame);
              seat.client.close();
              const back = await sit(demo, o.who, seat.state);
              seats.set(o.who, back);
              const answer = await back.client.mutate(frame);
              if (answer.type === "error") expect(answer.code).toBe("rate_limited");
              else if (o.chat) model.chat.push(text);
              else model.votes[o.who] = o.choice;
              break;
            }
            case "evict":
              // Only a running object can be evicted: wake it first (it may already be hibernating).
              await runInDurableObject(demo.stub(), () => undefined);
              await evictDurableObject(demo.stub(), { webSockets: o.close ? "close" : "hibernate" });
              if (o.close) {
                for (const p of people) seats.set(p, await sit(demo, p, seats.get(p)!.state));
                mia.client.close();
                Object.assign(mia, await sit(demo, "mia", mia.state));
              }
              break;
            default:
              o satisfies never;
          }
        }

        const counts = [0, 1, 2].map((c) => Object.values(model.votes).filter((v) => v === c).length);
        const voters = Object.keys(model.votes).length;
        const upvotes = Object.values(model.upvotes).filter(Boolean).length;
        const check = (state: SessionState) => {
          const poll = state.polls.find((p) => p.id === pollId);
          const question = state.qa.questions.find((q) => q.id === questionId);
          const chat = state.chat.messages.filter((m) => m.text.startsWith(marker)).map((m) => m.text);
          return { counts: poll?.counts, voters: poll?.voters, upvotes: question?.votes, chat };
        };
        const expected = { counts, voters, upvotes, chat: model.chat };

        // The object: a newcomer's snapshot.
        const fresh = await sit(demo, "mia", emptyState());
        await until(
          () => JSON.stringify(check(fresh.state)) === JSON.stringify(expected),
          () => JSON.stringify({ got: check(fresh.state), expected }),
        );
        // Every page that lived through it all converges to the same.
        for (const seat of [...seats.values(), mia]) {
          await until(
            () => JSON.stringify(check(seat.state)) === JSON.stringify(expected),
            () => JSON.stringify({ got: check(seat.state), expected }),
          );
        }
        for (const seat of [...seats.values(), mia, fresh]) seat.client.close();
      }),
      { numRuns: 20, endOnFailure: true },
    );
  }, 120_000);
});
