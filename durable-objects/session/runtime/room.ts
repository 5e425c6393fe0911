import type { Env } from "../../../worker/env";
import type { RoomContext } from "./context";

/** The room as frame handlers see it, over the object's state. */
export class Room implements RoomContext {
  private sessionIdCache: string | undefined;

  constructor(
    private readonly ctx: DurableObjectState,
    readonly env: Env,
  ) {}

  get storage(): DurableObjectStorage {
    return this.ctx.storage;
  }

  /** After hibernation the id comes back from storage; it never changes for an object. */
  get sessionId(): string {
    this.sessionIdCache ??=
      this.ctx.storage.sql
        .exec<{ value: string }>("SELECT value FROM room_meta WHERE key = 'session_id'")
        .toArray()[0]?.value ?? "";
    return this.sessionIdCache;
  }

  rememberSessionId(sessionId: string): void {
    if (this.sessionIdCache === sessionId) return;
    this.ctx.storage.sql.exec(
      "INSERT INTO room_meta (key, value) VALUES ('session_id', ?) ON CONFLICT(key) DO NOTHING",
      sessionId,
    );
    this.sessionIdCache = sessionId;
  }

  now(): number {
    return Date.now();
  }

  sockets(tag?: string): WebSocket[] {
    return this.ctx.getWebSockets(tag);
  }

  seq(): number {
    return 0;
  }
}
