import type { Env } from "../../server/env";
import type { Role, ServerFrame } from "../../core/protocol";
import type { SocketAttachment } from "./attachment";
import type { NamedAlarms } from "./alarms";
import type { Audience, Unsequenced } from "./events";
import type { RateLimiter } from "./limiter";
import type { Mutations } from "./mutations";
import type { Ticker } from "./ticker";

/**
 * What a feature may use: the room's storage, sockets and services, never the object class
 * itself. Features keep state of their own per room in a WeakMap keyed by the room (presence,
 * reactions, caches): the room knows no feature.
 */
export interface RoomContext {
  /** The object's name: its programme session's id, or `hub:<eventId>` for an event's hub (the id its calls are filed under). */
  readonly sessionId: string;
  readonly sql: SqlStorage;
  /** The object's storage, for features that need its transactions directly (the call roster). */
  readonly storage: DurableObjectStorage;
  /** Bindings and settings, for features that reach D1, AWS or other objects. */
  readonly env: Env;
  now(): number;
  /** Open sockets, optionally only those with a tag (`r:<registrationId>`, `o:<role>`). */
  sockets(tag?: string): WebSocket[];
  /** The newest event number. */
  seq(): number;
  /** Numbers, logs and (soon after) broadcasts a state change to its audience. */
  publish(audience: Audience, event: Unsequenced): void;
  /** A frame that is not a state change (counts, bursts): sent now, not logged. */
  sendEphemeral(audience: Audience, frame: ServerFrame): void;
  /** A personal frame to every socket of one person. */
  sendToPerson(registrationId: string, frame: ServerFrame): void;
  /** Queues work that writes, to run with the rest of its batch in one storage commit, soon. */
  enqueue(run: () => void): void;
  /** Runs `fn` as one transaction; on a throw its writes and queued events are undone. */
  transaction<T>(fn: () => T): T;
  readonly mutations: Mutations;
  readonly alarms: NamedAlarms;
  readonly ticker: Ticker;
  readonly limiter: RateLimiter;
  /** The events after `lastSeq` a role may see, as JSON; undefined when a snapshot is needed instead. */
  replay(lastSeq: number, role: Role): string[] | undefined;
}

/** One client frame's surroundings: the room, the live connection it came on, and who is on it. */
export interface FrameContext {
  readonly room: RoomContext;
  readonly ws: WebSocket;
  readonly who: SocketAttachment;
}
