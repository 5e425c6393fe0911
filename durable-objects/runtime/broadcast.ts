import type { ServerFrame } from "../../core/protocol";
import type { Audience, EventLog, LoggedEvent, Unsequenced } from "./events";
import type { SocketIndex } from "./sockets";

/**
 * Sends events to every socket in their audience. Events published within a few milliseconds of
 * each other leave together as one `batch` frame per audience, so a burst of activity costs a
 * handful of sends per socket instead of one per event; a lone event leaves at once.
 */
export const MIN_FLUSH_GAP_MS = 10;

export class Broadcaster {
  private queue: LoggedEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = 0;

  constructor(
    private readonly sockets: SocketIndex,
    private readonly log: EventLog,
  ) {}

  publish(audience: Audience, event: Unsequenced, now: number): void {
    this.queue.push(this.log.append(audience, event, now));
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, this.lastFlush + MIN_FLUSH_GAP_MS - Date.now()));
  }

  /** Drops events queued since `mark` (their transaction rolled back, so they never happened). */
  mark(): number {
    return this.queue.length;
  }

  rollback(mark: number): void {
    this.queue.length = Math.min(this.queue.length, mark);
    this.log.reset();
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.lastFlush = Date.now();
    const queue = this.queue;
    this.queue = [];
    if (queue.length === 0) return;
    const staff = queue.filter((e) => e.audience !== "participants");
    const participants = queue.filter((e) => e.audience !== "staff");
    if (staff.length > 0) sendAll(this.staffSockets(), frameOf(staff));
    if (participants.length > 0) sendAll(this.sockets.get("o:participant"), frameOf(participants));
  }

  /** A frame that is not an event (presence counts, reaction bursts): not logged, not replayed. */
  sendEphemeral(audience: Audience, frame: ServerFrame): void {
    const json = JSON.stringify(frame);
    if (audience !== "participants") sendAll(this.staffSockets(), json);
    if (audience !== "staff") sendAll(this.sockets.get("o:participant"), json);
  }

  /** Every socket of one person (all their tabs and devices). */
  sendToPerson(registrationId: string, frame: ServerFrame): void {
    sendAll(this.sockets.get(`r:${registrationId}`), JSON.stringify(frame));
  }

  private staffSockets(): WebSocket[] {
    return [...this.sockets.get("o:moderator"), ...this.sockets.get("o:producer")];
  }
}

/** One event as itself; several as a batch, assembled from the JSON already made for the log. */
const frameOf = (events: LoggedEvent[]): string =>
  events.length === 1 ? events[0]!.json : batchOf(events.map((e) => e.json));

export const batchOf = (jsons: readonly string[]): string => `{"type":"batch","events":[${jsons.join(",")}]}`;

function sendAll(sockets: readonly WebSocket[], json: string): void {
  for (const ws of sockets) {
    try {
      ws.send(json);
    } catch {
      // closing: its close handler cleans up
    }
  }
}
