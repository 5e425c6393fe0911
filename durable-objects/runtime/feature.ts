import type { ClientFrame, ClientFrameType, MyState, SessionEventType, SessionSnapshot } from "../../core/protocol";
import type { AlarmStep } from "./alarms";
import type { SocketAttachment } from "./attachment";
import type { FrameContext, RoomContext } from "./context";
import type { Migration } from "./migrations";

/**
 * A live feature, as the runtime reads it: one definition per feature folder (its `index.ts`),
 * and one list of them per object class (session/features.ts, hub/features.ts). The runtime builds
 * the object from that list (plan.ts): the router, the migrations, which room kinds take which
 * frames, the snapshot and personal state, ticks, alarms and the audience of every event.
 */
export type FrameOf<T extends ClientFrameType> = Extract<ClientFrame, { type: T }>;
export type FrameHandler<T extends ClientFrameType> = (frame: FrameOf<T>, fc: FrameContext) => void | Promise<void>;
/** One handler per frame type: each frame is dispatched once, straight to its handler. */
export type FrameHandlers<T extends ClientFrameType> = { readonly [K in T]: FrameHandler<K> };

/**
 * Who may ever receive an event: `all` (everyone, always), `staff` (staff only: the runtime
 * refuses to publish it wider), or `varies` (the handler picks all, staff or participants each
 * time, e.g. by an item's visibility).
 */
export type EventAudience = "all" | "staff" | "varies";

export interface Feature<
  T extends ClientFrameType = never,
  K extends string = never,
  SK extends keyof SessionSnapshot = never,
  MK extends keyof MyState = never,
  EK extends SessionEventType = never,
> {
  /** The feature's name, as in its protocol module and its folder (`poll`). */
  readonly name: string;
  /** The client frames it handles. */
  readonly frames: FrameHandlers<T>;
  /**
   * The room kinds whose frames it takes; absent: every kind, and also a room whose kind is
   * unknown (its session was deleted). A feature limited to some kinds is off in such a room.
   */
  readonly kinds?: readonly K[];
  /** Its SQLite tables: append-only, ids namespaced by feature (`poll/0001_polls`). */
  readonly migrations?: readonly Migration[];
  /** Its parts of the snapshot (undefined: left out for this receiver, e.g. staff-only parts). */
  readonly snapshot?: { readonly [P in SK]: (room: RoomContext, staff: boolean) => SessionSnapshot[P] | undefined };
  /** Its parts of a person's own state, sent after every welcome. */
  readonly me?: { readonly [P in MK]: (room: RoomContext, who: SocketAttachment) => MyState[P] };
  /** Who may receive each of its events. */
  readonly audience?: { readonly [E in EK]: EventAudience };
  /** Throttled broadcasts, by the name its dirty marks use (a stored name: never rename one). */
  readonly ticks?: Readonly<Record<string, (room: RoomContext, keys: string[]) => void>>;
  /** Work on the object's single alarm, by name. Features may share a name: each step runs. */
  readonly alarms?: Readonly<Record<string, AlarmStep>>;
  /** After a hello on a socket that is still open (the handshake may have refused it). */
  readonly afterHello?: (fc: FrameContext) => void | Promise<void>;
  /** A socket closed or failed: what it leaves behind (a visit, a place in a call). */
  readonly socketClosed?: (room: RoomContext, ws: WebSocket, who: SocketAttachment) => void | Promise<void>;
}

/** Any feature, whatever it handles (`any`: the list is checked as a whole in plan.ts). */
// biome-ignore lint/suspicious/noExplicitAny: see above; `unknown` would refuse every concrete feature by variance
export type AnyFeature = Feature<any, any, any, any, any>;

/** Infers a feature's frame types, kinds and parts from its definition. */
export function defineFeature<
  T extends ClientFrameType = never,
  const K extends string = never,
  SK extends keyof SessionSnapshot = never,
  MK extends keyof MyState = never,
  EK extends SessionEventType = never,
>(feature: Feature<T, K, SK, MK, EK>): Feature<T, K, SK, MK, EK> {
  return feature;
}

export type FramesOf<F> = F extends Feature<infer T, infer _K, infer _S, infer _M, infer _E> ? T : never;
export type KindsOf<F> = F extends Feature<infer _T, infer K, infer _S, infer _M, infer _E> ? K : never;
export type SnapshotKeysOf<F> = F extends Feature<infer _T, infer _K, infer S, infer _M, infer _E> ? S : never;
export type MeKeysOf<F> = F extends Feature<infer _T, infer _K, infer _S, infer M, infer _E> ? M : never;
export type EventsOf<F> = F extends Feature<infer _T, infer _K, infer _S, infer _M, infer E> ? E : never;

/** The same feature without some of its frames (the hub's calls have no moderation). */
export function withoutFrames<
  T extends ClientFrameType,
  K extends string,
  SK extends keyof SessionSnapshot,
  MK extends keyof MyState,
  EK extends SessionEventType,
  X extends T,
>(feature: Feature<T, K, SK, MK, EK>, omit: readonly X[]): Feature<Exclude<T, X>, K, SK, MK, EK> {
  const frames = Object.fromEntries(
    Object.entries(feature.frames).filter(([type]) => !(omit as readonly string[]).includes(type)),
  );
  return { ...feature, frames: frames as unknown as FrameHandlers<Exclude<T, X>> };
}
