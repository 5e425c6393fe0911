import WebSocket from "ws";
import type { AckFrame, ErrorFrame, ServerFrame, SessionEvent, SnapshotFrame } from "../../core/protocol/index.ts";
import { PROTOCOL_VERSION } from "../../core/protocol/version.ts";

export interface Answer {
  /** From the first send to the answer, across any reconnects. */
  ms: number;
  frame: AckFrame | ErrorFrame;
}

export interface Pending {
  frame: Record<string, unknown> & { id: string };
  sentAt: number;
  resolve: (answer: Answer) => void;
}

let counter = 0;
export const benchId = (prefix = "b") =>
  `${prefix}${process.pid.toString(36)}x${(counter++).toString(36).padStart(7, "0")}`;

/**
 * A lean protocol client for load: one websocket, the hello handshake with `lastSeq`, mutation
 * acks matched by id (and resent after a reconnect, as the real client does), and a hook for raw
 * messages so scenarios can time deliveries without parsing every frame in full.
 */
export class BenchClient {
  ws: WebSocket | undefined;
  lastSeq = 0;
  readonly pending = new Map<string, Pending>();
  /** Raw text of every message, for scenarios that time deliveries. */
  onRaw: ((text: string, at: number) => void) | undefined;
  /** Parsed events (only when `parseEvents` is on: parsing thousands of sockets' frames costs the load client CPU). */
  onEvent: ((event: SessionEvent) => void) | undefined;
  onSnapshot: ((snapshot: SnapshotFrame) => void) | undefined;
  parseEvents = false;
  welcomed = false;
  /** The handshake is complete (`me` arrived): mutations go out directly from here on. */
  ready = false;
  errors: { code: string; ref?: string }[] = [];
  /** Acks that said the mutation had been applied before (a resend after a drop). */
  duplicates = 0;

  readonly origin: string;
  readonly sessionId: string;
  readonly cookie: string;

  constructor(origin: string, sessionId: string, cookie: string) {
    this.origin = origin;
    this.sessionId = sessionId;
    this.cookie = cookie;
  }

  connect(): Promise<void> {
    this.welcomed = false;
    this.ready = false;
    const url = `${this.origin.replace(/^http/, "ws")}/api/sessions/${this.sessionId}/ws`;
    const ws = new WebSocket(url, { headers: { Cookie: this.cookie, Origin: this.origin }, perMessageDeflate: false });
    this.ws = ws;
    return new Promise((resolve, reject) => {
      let settled = false;
      ws.on("open", () => {
        ws.send(
          JSON.stringify({
            type: "hello",
            v: PROTOCOL_VERSION,
            device: "desktop",
            ...(this.lastSeq > 0 ? { lastSeq: this.lastSeq } : {}),
          }),
        );
      });
      ws.on("message", (data) => {
        const at = performance.now();
        const text = data.toString();
        // Events before this connection's welcome are ignored, as the page does: the replay
        // that follows the welcome covers them.
        if (!this.welcomed) {
          if (!text.startsWith('{"type":"welcome"')) return;
          this.welcomed = true;
          settled = true;
          resolve();
        }
        this.onRaw?.(text, at);
        if (text.startsWith('{"type":"ack"') || text.startsWith('{"type":"error"')) return this.onAnswer(text, at);
        // The handshake ends with `me`: resend what was not acknowledged before a drop.
        if (text.startsWith('{"type":"me"')) {
          this.ready = true;
          return this.resendPending();
        }
        if (this.parseEvents || text.startsWith('{"type":"snapshot"') || text.startsWith('{"type":"batch"'))
          this.track(text);
        else this.trackSeq(text);
      });
      ws.on("error", (err) => {
        if (!settled) {
          settled = true;
          reject(err);
        }
      });
      ws.on("close", () => {
        if (!settled) {
          settled = true;
          reject(new Error("closed before welcome"));
        }
      });
    });
  }

  /** Sends a mutation; resolves with its answer and latency, after any resends. */
  mutate(frame: Record<string, unknown> & { type: string }, id = benchId()): Promise<Answer> {
    return new Promise((resolve) => {
      const pending: Pending = { frame: { ...frame, id }, sentAt: performance.now(), resolve };
      this.pending.set(id, pending);
      if (this.ready) this.ws?.send(JSON.stringify(pending.frame));
    });
  }

  /** Sends a frame without tracking it (a deliberate duplicate, a chat line to time). */
  sendRaw(frame: unknown): void {
    this.ws?.send(JSON.stringify(frame));
  }

  drop(): void {
    this.ws?.terminate();
  }

  close(): void {
    this.ws?.close(1000, "bench done");
  }

  private resendPending(): void {
    for (const p of this.pending.values()) this.ws?.send(JSON.stringify(p.frame));
  }

  private onAnswer(text: string, at: number): void {
    const frame = JSON.parse(text) as Extract<ServerFrame, { type: "ack" | "error" }>;
    if (frame.type === "error") this.errors.push({ code: frame.code, ...(frame.ref ? { ref: frame.ref } : {}) });
    if (frame.type === "ack" && frame.duplicate) this.duplicates++;
    const ref = frame.ref;
    if (!ref) return;
    const p = this.pending.get(ref);
    if (!p) return;
    // Errors answer too (a rate limit would show up in the scenario's error count).
    this.pending.delete(ref);
    p.resolve({ ms: at - p.sentAt, frame });
  }

  private track(text: string): void {
    const frame = JSON.parse(text) as ServerFrame;
    if (frame.type === "snapshot") {
      this.lastSeq = frame.seq;
      this.onSnapshot?.(frame);
      return;
    }
    const events: ServerFrame[] = frame.type === "batch" ? frame.events : [frame];
    for (const e of events) {
      if ("seq" in e && e.type !== "welcome") {
        if (e.seq <= this.lastSeq) continue;
        this.lastSeq = e.seq;
        this.onEvent?.(e as SessionEvent);
      }
    }
  }

  /** The sequence number of a single event, read from the end of its JSON (where the server puts it). */
  private trackSeq(text: string): void {
    const m = /"seq":(\d+)\}$/.exec(text);
    if (m) this.lastSeq = Math.max(this.lastSeq, Number(m[1]));
  }
}
