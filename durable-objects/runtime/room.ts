import type { Env } from "../../server/env";
import type { Role, ServerFrame } from "../../core/protocol";
import { NamedAlarms } from "./alarms";
import { Broadcaster } from "./broadcast";
import type { RoomContext } from "./context";
import { EventLog, type Audience, type Unsequenced } from "./events";
import { RateLimiter } from "./limiter";
import type { ObjectPlan } from "./plan";
import { SocketIndex } from "./sockets";
import { Mutations } from "./mutations";
import { Ticker } from "./ticker";

/** Mutations applied together in one storage commit, at most. */
const BATCH_MAX = 64;

/** The room as features see it, over the object's state. */
export class Room implements RoomContext {
  private nameCache: string | undefined;
  private queued: (() => void)[] = [];
  private queueTimer: ReturnType<typeof setTimeout> | undefined;
  readonly log: EventLog;
  readonly broadcaster: Broadcaster;
  readonly mutations: Mutations;
  readonly alarms: NamedAlarms;
  readonly ticker: Ticker;
  readonly limiter = new RateLimiter();
  readonly socketIndex: SocketIndex;

  constructor(
    private readonly ctx: DurableObjectState,
    readonly env: Env,
    private readonly plan: ObjectPlan,
  ) {
    this.log = new EventLog(ctx.storage.sql);
    this.socketIndex = new SocketIndex(ctx);
    this.broadcaster = new Broadcaster(this.socketIndex, this.log);
    this.mutations = new Mutations(ctx.storage.sql);
    this.alarms = new NamedAlarms(ctx.storage);
    this.ticker = new Ticker(ctx.storage.sql, () => this.socketIndex.count());
    for (const [name, flush] of plan.ticks) this.ticker.register(name, (keys) => flush(this, keys));
  }

  get sql(): SqlStorage {
    return this.ctx.storage.sql;
  }

  get storage(): DurableObjectStorage {
    return this.ctx.storage;
  }

  /** After hibernation the name comes back from storage; it never changes for an object. */
  get sessionId(): string {
    this.nameCache ??=
      this.sql.exec<{ value: string }>("SELECT value FROM room_meta WHERE key = 'session_id'").toArray()[0]?.value ??
      "";
    return this.nameCache;
  }

  /**
   * The object's name (a session id, or `hub:<eventId>`), as the stub helpers in server/rooms.ts
   * and websocket upgrades tell it; it is stored the first time.
   */
  rememberName(name: string): void {
    if (this.nameCache === name) return;
    this.sql.exec("INSERT INTO room_meta (key, value) VALUES ('session_id', ?) ON CONFLICT(key) DO NOTHING", name);
    this.nameCache = name;
  }

  now(): number {
    return Date.now();
  }

  sockets(tag?: string): WebSocket[] {
    return [...this.socketIndex.get(tag)];
  }

  seq(): number {
    return this.log.seq();
  }

  replay(lastSeq: number, role: Role): string[] | undefined {
    return this.log.since(lastSeq, role);
  }

  publish(audience: Audience, event: Unsequenced): void {
    const allowed = this.plan.audienceOf(event.type);
    // A staff-only event sent wider would leak what only staff may see: refuse it, loudly (the
    // mutation that tried rolls back and answers `internal`).
    if (allowed === undefined || (allowed !== "varies" && allowed !== audience)) {
      throw new Error(`${event.type} is published to ${audience}; its feature says ${allowed ?? "nothing"}`);
    }
    this.broadcaster.publish(audience, event, this.now());
  }

  sendEphemeral(audience: Audience, frame: ServerFrame): void {
    this.broadcaster.sendEphemeral(audience, frame);
  }

  sendToPerson(registrationId: string, frame: ServerFrame): void {
    this.broadcaster.sendToPerson(registrationId, frame);
  }

  /**
   * Group commit: work queued while the object is busy runs together in one event (one
   * storage commit), in the order it was queued. Idle, it runs on the next turn.
   */
  enqueue(run: () => void): void {
    this.queued.push(run);
    // Under heavy load the timer comes late (incoming frames go first): a full batch runs at
    // once, so no mutation waits behind more than BATCH_MAX others.
    if (this.queued.length >= BATCH_MAX) return this.runQueued();
    this.queueTimer ??= setTimeout(() => this.runQueued(), 0);
  }

  /** Runs what is queued, in order. */
  runQueued(): void {
    if (this.queueTimer !== undefined) clearTimeout(this.queueTimer);
    this.queueTimer = undefined;
    const batch = this.queued;
    this.queued = [];
    for (const run of batch) run();
  }

  /**
   * Runs `fn` as one SQLite transaction. If it throws, its writes are rolled back and so are the
   * events it queued: nothing half-applied is ever broadcast or acknowledged.
   */
  transaction<T>(fn: () => T): T {
    const mark = this.broadcaster.mark();
    try {
      return this.ctx.storage.transactionSync(fn);
    } catch (err) {
      this.broadcaster.rollback(mark);
      throw err;
    }
  }
}
