import { createSignal, type Accessor } from "solid-js";
import {
  CloseCode,
  KEEPALIVE,
  PROTOCOL_VERSION,
  type ClientFrame,
  type DeviceClass,
  type ServerFrame,
} from "../../../core/protocol";
import { backoffDelay } from "./backoff";

export type ConnectionState =
  | { kind: "connecting" }
  | { kind: "open" }
  | { kind: "reconnecting"; at: number }
  | { kind: "offline" }
  | { kind: "outdated" }
  | { kind: "closed" };

export interface LiveConnectionOptions {
  sessionId: string;
  onFrame(frame: ServerFrame): void;
  /** The newest session event the client has applied, sent in hello so missed events are replayed. */
  lastSeq?: () => number | undefined;
  /** A producer's output page: the server leaves it out of "here", the People list and attendance. */
  output?: boolean;
}

const KEEPALIVE_EVERY_MS = 25_000;
/** No answer to a keepalive within this long means the connection is dead, even if the browser has not noticed. */
const KEEPALIVE_TIMEOUT_MS = 10_000;

export function deviceClass(): DeviceClass {
  const ua = navigator.userAgent;
  if (/iPad|Tablet/i.test(ua)) return "tablet";
  if (/Mobi|Android|iPhone/i.test(ua)) return "mobile";
  return "desktop";
}

/**
 * A live connection: the browser's websocket to a session room or to the event hub (the same
 * protocol on both). Hello/welcome handshake, keepalive, and reconnect with jittered backoff
 * whenever the connection drops, until `close()` is called.
 */
export class LiveConnection {
  readonly state: Accessor<ConnectionState>;
  private readonly setState: (s: ConnectionState) => void;
  private ws: WebSocket | undefined;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private keepaliveTimer: ReturnType<typeof setInterval> | undefined;
  private deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly listeners = new Set<(frame: ServerFrame) => void>();

  constructor(private readonly options: LiveConnectionOptions) {
    const [state, setState] = createSignal<ConnectionState>({ kind: "connecting" });
    this.state = state;
    this.setState = setState;
    addEventListener("online", this.onOnline);
    addEventListener("offline", this.onOffline);
  }

  connect(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    if (!navigator.onLine) return this.setState({ kind: "offline" });
    if (this.attempt === 0) this.setState({ kind: "connecting" });
    const url = new URL(`/api/sessions/${encodeURIComponent(this.options.sessionId)}/ws`, location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(url);
    this.ws = ws;
    // Events that arrive before this connection's welcome are dropped: the replay that follows
    // the welcome covers them, and applying them first would advance lastSeq past a gap.
    let welcomed = false;
    ws.onopen = () => {
      const lastSeq = this.options.lastSeq?.();
      this.sendNow({
        type: "hello",
        v: PROTOCOL_VERSION,
        device: deviceClass(),
        ...(lastSeq !== undefined ? { lastSeq } : {}),
        ...(this.options.output ? { client: "output" as const } : {}),
      });
      this.startKeepalive();
    };
    ws.onmessage = (event) => {
      clearTimeout(this.deadlineTimer);
      if (event.data === KEEPALIVE.pong || typeof event.data !== "string") return;
      let frame: ServerFrame;
      try {
        frame = JSON.parse(event.data) as ServerFrame;
      } catch {
        return;
      }
      if (frame.type === "welcome") {
        welcomed = true;
        this.attempt = 0;
        this.setState({ kind: "open" });
      }
      if (!welcomed && frame.type !== "error") return;
      this.options.onFrame(frame);
      for (const listener of this.listeners) listener(frame);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      this.stopKeepalive();
      if (this.stopped) return this.setState({ kind: "closed" });
      if (event.code === CloseCode.protocolMismatch) return this.setState({ kind: "outdated" });
      this.scheduleReconnect();
    };
  }

  /** Sends when connected; returns false when the frame could not be sent now. */
  send(frame: ClientFrame): boolean {
    if (this.state().kind !== "open") return false;
    return this.sendNow(frame);
  }

  /** Lets a self-contained component (stage player, call view) follow frames too; returns the unsubscribe. */
  listen(listener: (frame: ServerFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.stopKeepalive();
    removeEventListener("online", this.onOnline);
    removeEventListener("offline", this.onOffline);
    this.ws?.close(CloseCode.normal, "left");
    this.ws = undefined;
    this.setState({ kind: "closed" });
  }

  /** Drops the current connection as if the network failed (used by the reconnect tests and on stale keepalives). */
  drop(): void {
    this.ws?.close(CloseCode.normal, "dropped");
  }

  private sendNow(frame: ClientFrame | string): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
    return true;
  }

  private scheduleReconnect(): void {
    if (!navigator.onLine) return this.setState({ kind: "offline" });
    const delay = backoffDelay(this.attempt++);
    this.setState({ kind: "reconnecting", at: Date.now() + delay });
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private startKeepalive(): void {
    this.stopKeepalive();
    this.keepaliveTimer = setInterval(() => {
      if (!this.sendNow(KEEPALIVE.ping)) return;
      this.deadlineTimer = setTimeout(() => this.drop(), KEEPALIVE_TIMEOUT_MS);
    }, KEEPALIVE_EVERY_MS);
  }

  private stopKeepalive(): void {
    clearInterval(this.keepaliveTimer);
    clearTimeout(this.deadlineTimer);
  }

  private readonly onOnline = () => {
    if (!this.ws && !this.stopped) {
      this.attempt = 0;
      this.connect();
    }
  };

  private readonly onOffline = () => {
    this.setState({ kind: "offline" });
    this.ws?.close(CloseCode.normal, "offline");
  };
}
