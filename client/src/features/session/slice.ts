import type {
  MyState,
  ServerFrame,
  SessionEvent,
  SessionEventType,
  SessionSnapshot,
  WelcomeFrame,
} from "../../../../core/protocol";
import type { MutationRequest } from "./types";

/** What every slice may read and write besides its own part: who this page is, and the person's own state. */
export interface Shared {
  readonly you: WelcomeFrame["you"] | null;
  me: MyState;
}

/** The session protocol's own frames (handshake, sync, acks, clock): the combined reducer's business, never a slice's. */
export type SyncFrame = Extract<
  ServerFrame,
  { type: "welcome" | "snapshot" | "batch" | "me" | "ack" | "error" | "clock/pong" }
>;
/** Frames that are not sequenced events: personal or fleeting ones, each one feature's. */
export type FeatureFrame = Exclude<ServerFrame, SyncFrame | SessionEvent>;
export type FeatureFrameType = FeatureFrame["type"];
export type MutationType = MutationRequest["type"];
export type Mine = keyof MyState;

type Of<U, T> = Extract<U, { type: T }>;

/**
 * One live feature's part of the session as this page keeps it. `S` is the state a handler
 * sees: the slice's own part and what is shared. Handlers write in place (the state is a Solid
 * store draft): items that stay keep their identity, see upsert.ts.
 */
export interface Slice<
  P extends object,
  E extends SessionEventType,
  F extends FeatureFrameType,
  A extends MutationType,
  M extends Mine,
  S = P & Shared,
> {
  /** The feature's name, as its protocol module's: core/protocol/<feature>.ts. */
  readonly feature: string;
  /** This feature's fields of the session state, as they are before any snapshot. */
  empty(): P;
  /** This feature's fields of `me` (personal state) before the server sends them. */
  mine?: () => Pick<MyState, M>;
  /** Takes this feature's part of a snapshot (after a reconnect too: update in place what stays). */
  snapshot(s: S, snap: SessionSnapshot): void;
  /** The sequenced events of the feature. The combined reducer has skipped repeats already. */
  events: { [T in E]: (s: S, e: Of<SessionEvent, T>) => void };
  /** Personal and fleeting frames of the feature. */
  frames?: { [T in F]: (s: S, f: Of<FeatureFrame, T>) => void };
  /**
   * What an acknowledged mutation changed in this person's own state. The server does not echo
   * personal state after each mutation (`me` comes with every handshake); the ack says it was
   * applied exactly as sent, so the page records it itself. Mutations not listed change shared
   * state only, which comes back as events.
   */
  acks?: { [T in A]: (s: S, request: Of<MutationRequest, T>, entityId: string | undefined, now: number) => void };
}

/**
 * Types a slice from its definition: the part from `empty`, the event, frame and mutation types
 * from the handlers' keys. The slice lists exactly what it handles, so the combined list can be
 * checked for what no slice (or two) handle.
 */
export const defineSlice = <
  P extends object,
  E extends SessionEventType = never,
  F extends FeatureFrameType = never,
  A extends MutationType = never,
  M extends Mine = never,
>(
  slice: Slice<P, E, F, A, M>,
): Slice<P, E, F, A, M> => slice;

/** Any slice at all: handlers take `never`, which every handler accepts (parameters are contravariant). */
export interface AnySlice {
  readonly feature: string;
  empty(): object;
  mine?: () => Partial<MyState>;
  snapshot(s: never, snap: SessionSnapshot): void;
  events: Record<string, (s: never, e: never) => void>;
  frames?: Record<string, (s: never, f: never) => void>;
  acks?: Record<string, (s: never, request: never, entityId: string | undefined, now: number) => void>;
}

// Distributive (`S extends unknown`): over a union of slices they give the union of each one's keys.
type PartOf<S extends AnySlice> = ReturnType<S["empty"]>;
type EventsOf<S extends AnySlice> = S extends unknown ? keyof S["events"] & string : never;
type FramesOf<S extends AnySlice> = S extends unknown ? keyof NonNullable<S["frames"]> & string : never;
type AcksOf<S extends AnySlice> = S extends unknown ? keyof NonNullable<S["acks"]> & string : never;
type MineOf<S extends AnySlice> = S extends unknown ? keyof ReturnType<NonNullable<S["mine"]>> & string : never;
/** Everything a slice claims, tagged by kind, to find what two slices claim. */
type Claims<S extends AnySlice> =
  | `event ${EventsOf<S>}`
  | `frame ${FramesOf<S>}`
  | `ack ${AcksOf<S>}`
  | `state ${keyof PartOf<S> & string}`
  | `me ${MineOf<S>}`;

type Parts<L extends readonly AnySlice[]> = L extends readonly [
  infer H extends AnySlice,
  ...infer T extends readonly AnySlice[],
]
  ? PartOf<H> & Parts<T>
  : unknown;
type Doubled<L extends readonly AnySlice[], Seen extends string = never> = L extends readonly [
  infer H extends AnySlice,
  ...infer T extends readonly AnySlice[],
]
  ? (Claims<H> & Seen) | Doubled<T, Seen | Claims<H>>
  : never;

/**
 * Empty when `L` (with the frame types other parts of the page listen to, `X`) covers every
 * event, every feature frame and every field of `me` exactly once; otherwise an object type
 * that names what is missing or doubled, which the list then fails to match at compile time.
 */
export type Coverage<L extends readonly AnySlice[], X extends FeatureFrameType> = [
  Exclude<SessionEventType, EventsOf<L[number]>>,
] extends [never]
  ? [Exclude<FeatureFrameType, FramesOf<L[number]> | X>] extends [never]
    ? [Exclude<Mine, MineOf<L[number]>>] extends [never]
      ? [Doubled<L> | (X & FramesOf<L[number]>)] extends [never]
        ? unknown
        : { "claimed twice": Doubled<L> | (X & FramesOf<L[number]>) }
      : { "no slice starts these fields of me": Exclude<Mine, MineOf<L[number]>> }
    : { "no slice handles these frames": Exclude<FeatureFrameType, FramesOf<L[number]> | X> }
  : { "no slice handles these events": Exclude<SessionEventType, EventsOf<L[number]>> };

/** The session as this page knows it: the sync fields, what is shared, and every slice's part. Plain data. */
export type StateOf<L extends readonly AnySlice[]> = {
  /** A snapshot (or replay) has been applied since the page loaded. */
  ready: boolean;
  /** The newest event applied; events at or below it are skipped (they came twice). */
  seq: number;
  you: WelcomeFrame["you"] | null;
  /** Server clock minus this clock (ms), for countdowns. */
  clockOffset: number;
  me: MyState;
} & Parts<L>;

export interface Reducer<State> {
  emptyState(): State;
  emptyMe(): MyState;
  /** One sequenced event, applied once: a repeat (live and replayed) is skipped by its number. */
  applyEvent(s: State, e: SessionEvent): void;
  /** Applies any server frame to the state (acks and errors are the mutation queue's business). */
  applyFrame(s: State, f: ServerFrame, now?: number): void;
  applyAck(s: State, request: MutationRequest, entityId: string | undefined, now: number): void;
}

type Handler = (s: unknown, ...rest: never[]) => void;

/**
 * The session reducer, built from the slices in `slices`. `elsewhere` names the frames that
 * reach the live connection but not its state (calls, the stage player and the hub listen to the
 * connection themselves). The types make sure the two lists cover every frame and event exactly
 * once; at run time each frame goes to the one handler its type names.
 */
export function combineSlices<const L extends readonly AnySlice[], const X extends FeatureFrameType = never>(
  slices: L & Coverage<L, X>,
  elsewhere: readonly X[] = [],
): Reducer<StateOf<L>> {
  type State = StateOf<L>;
  const table = (pick: (s: AnySlice) => object | undefined): ReadonlyMap<string, Handler> =>
    new Map(slices.flatMap((slice) => Object.entries(pick(slice) ?? {}) as [string, Handler][]));
  const events = table((s) => s.events);
  const frames = table((s) => s.frames);
  const acks = table((s) => s.acks);
  const ignored: ReadonlySet<string> = new Set(elsewhere);

  const emptyMe = (): MyState => Object.assign({}, ...slices.map((s) => s.mine?.())) as MyState;
  const emptyState = (): State =>
    Object.assign({ ready: false, seq: 0, you: null, clockOffset: 0 }, ...slices.map((s) => s.empty()), {
      me: emptyMe(),
    }) as State;

  const applyEvent = (s: State, e: SessionEvent): void => {
    if (e.seq <= s.seq) return;
    s.seq = e.seq;
    (events.get(e.type) as (s: State, e: SessionEvent) => void)(s, e);
  };

  const applyFrame = (s: State, f: ServerFrame, now: number = Date.now()): void => {
    switch (f.type) {
      case "welcome":
        s.you = f.you;
        s.clockOffset = f.serverTime - now;
        return;
      case "snapshot":
        s.ready = true;
        s.seq = f.seq;
        for (const slice of slices) slice.snapshot(s as never, f.state);
        return;
      case "batch":
        s.ready = true;
        for (const e of f.events) applyEvent(s, e);
        return;
      case "me":
        s.me = f.me;
        // A replay with nothing missed sends no batch: the state the page has is current.
        s.ready = true;
        return;
      case "ack":
      case "error":
      case "clock/pong":
        return;
      default: {
        const frame = frames.get(f.type) as ((s: State, f: ServerFrame) => void) | undefined;
        if (frame) return frame(s, f);
        if (ignored.has(f.type)) return;
        return applyEvent(s, f as SessionEvent);
      }
    }
  };

  const applyAck = (s: State, request: MutationRequest, entityId: string | undefined, now: number): void =>
    (
      acks.get(request.type) as
        | ((s: State, r: MutationRequest, id: string | undefined, now: number) => void)
        | undefined
    )?.(s, request, entityId, now);

  return { emptyState, emptyMe, applyEvent, applyFrame, applyAck };
}
