import type { Env } from "../../../worker/env";
import type { SocketAttachment } from "./attachment";

/** What a frame handler may use: the room's storage and sockets, never the class itself. */
export interface RoomContext {
  readonly sessionId: string;
  readonly storage: DurableObjectStorage;
  /** Bindings and settings, for features that reach D1 or AWS (media). */
  readonly env: Env;
  now(): number;
  /** Open sockets, optionally only those with a tag (`r:<registrationId>`, `o:<role>`). */
  sockets(tag?: string): WebSocket[];
  /** The newest session event number (0 until features append events). */
  seq(): number;
}

export interface FrameContext {
  readonly room: RoomContext;
  readonly ws: WebSocket;
  readonly who: SocketAttachment;
}
