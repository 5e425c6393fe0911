import type { Env } from "../../server/env";
import type { Presence } from "../session/handlers/presence";
import type { Reactions } from "../session/handlers/reaction";
import type { Role, RoomKind, ServerFrame } from "../../core/protocol";
import type { SocketAttachment } from "./attachment";
import type { NamedAlarms } from "./alarms";
import type { Audience, Unsequenced } from "./events";
import type { RateLimiter } from "./limiter";
import type { Mutations } from "./mutations";
import type { ReportItem } from "./report-items";
import type { Ticker } from "./ticker";

/** What a frame handler may use: the room's storage, sockets and services, never the class itself. */
export interface RoomContext {
  readonly sessionId: string;
  readonly sql: SqlStorage;
  /** The object's storage, for features that need its transactions directly (media roster). */
  readonly storage: DurableObjectStorage;
  /** Bindings and settings, for features that reach D1 or AWS (media). */
  readonly env: Env;
  now(): number;
  /** Open sockets, optionally only those with a tag (`r:<registrationId>`, `o:<role>`). */
  sockets(tag?: string): WebSocket[];
  /** The newest session event number. */
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
  /** Queues a row for the D1 reports (written soon after, retried until D1 has it). */
  report(item: ReportItem): void;
  readonly ticker: Ticker;
  readonly limiter: RateLimiter;
  readonly presence: Presence;
  readonly reactions: Reactions;
  /** The events after `lastSeq` a role may see, as JSON; undefined when a snapshot is needed instead. */
  replay(lastSeq: number, role: Role): string[] | undefined;
}

export interface FrameContext {
  readonly room: RoomContext;
  readonly ws: WebSocket;
  readonly who: SocketAttachment;
  /** What the room is (a programme session's kind, or the event hub); undefined when its session is gone. */
  readonly kind: RoomKind | undefined;
}
