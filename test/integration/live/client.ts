import { env } from "cloudflare:workers";
import type {
  AckFrame,
  ClientFrame,
  ErrorFrame,
  MeFrame,
  ServerFrame,
  SessionEvent,
  SnapshotFrame,
  WelcomeFrame,
} from "../../../core/protocol";
import { PROTOCOL_VERSION } from "../../../core/protocol";
import { sessionRoom } from "../../../server/rooms";
import type { ProgrammeResponse } from "../../../core/contract/index";
import { call, ORIGIN, seedDemo, signIn } from "../helpers";

export type Frame = Exclude<ServerFrame, { type: "batch" }>;
type Of<T extends Frame["type"]> = Extract<Frame, { type: T }>;

let idCounter = 0;
export const mutationId = (): string => `m${Date.now().toString(36)}${(idCounter++).toString(36).padStart(6, "0")}`;

/**
 * A participant's socket as the tests see it: batches are unpacked into their events, every
 * frame is kept in arrival order, and `take` waits for (and consumes) the first matching one.
 */
export class LiveClient {
  readonly frames: Frame[] = [];
  lastSeq = 0;
  closed: { code: number; reason: string } | undefined;
  /** Sees every frame (batches unpacked) in arrival order, before any `take`. */
  onFrame: ((frame: Frame) => void) | undefined;
  private waiters: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.accept();
    ws.addEventListener("message", (event) => {
      if (typeof event.data !== "string" || event.data === "pong") return;
      const frame = JSON.parse(event.data) as ServerFrame;
      const frames: Frame[] = frame.type === "batch" ? frame.events : [frame];
      for (const f of frames) {
        if ("seq" in f && typeof f.seq === "number" && f.type !== "welcome")
          this.lastSeq = Math.max(this.lastSeq, f.seq);
        this.frames.push(f);
        this.onFrame?.(f);
      }
      for (const w of this.waiters.splice(0)) w();
    });
    ws.addEventListener("close", (event) => {
      this.closed = { code: event.code, reason: event.reason };
      for (const w of this.waiters.splice(0)) w();
    });
  }

  send(frame: ClientFrame | string | Record<string, unknown>): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** The first frame (received or yet to come) of `type` matching `match`; removed from the queue. */
  take<T extends Frame["type"]>(type: T, match: (f: Of<T>) => boolean = () => true, timeoutMs = 3000): Promise<Of<T>> {
    return this.takeAny([type], match, timeoutMs);
  }

  /** Like `take`, for the first frame of any of `types`. */
  async takeAny<T extends Frame["type"]>(
    types: readonly T[],
    match: (f: Of<T>) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<Of<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.frames.findIndex((f) => (types as readonly string[]).includes(f.type) && match(f as Of<T>));
      if (i >= 0) return this.frames.splice(i, 1)[0] as Of<T>;
      const left = deadline - Date.now();
      if (left <= 0 || this.closed) {
        throw new Error(
          `no ${types.join("/")} frame within ${timeoutMs} ms; have: ${this.frames.map((f) => f.type).join(", ") || "nothing"}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Whether a matching frame arrived (without waiting). */
  has<T extends Frame["type"]>(type: T, match: (f: Of<T>) => boolean = () => true): boolean {
    return this.frames.some((f) => f.type === type && match(f as Of<T>));
  }

  events(): SessionEvent[] {
    return this.frames.filter((f): f is SessionEvent => "seq" in f && f.type !== "welcome" && f.type !== "snapshot");
  }

  async hello(lastSeq?: number): Promise<{ welcome: WelcomeFrame; snapshot?: SnapshotFrame; me: MeFrame }> {
    this.send({ type: "hello", v: PROTOCOL_VERSION, device: "desktop", ...(lastSeq !== undefined ? { lastSeq } : {}) });
    const welcome = await this.take("welcome");
    const snapshot = welcome.resume === "snapshot" ? await this.take("snapshot") : undefined;
    if (snapshot) this.lastSeq = snapshot.seq;
    const me = await this.take("me");
    return { welcome, ...(snapshot ? { snapshot } : {}), me };
  }

  /** Sends a mutation (with a fresh id unless it has one) and waits for its ack or error. */
  async mutate(frame: Record<string, unknown> & { type: string }): Promise<AckFrame | ErrorFrame> {
    const id = (frame.id as string | undefined) ?? mutationId();
    this.send({ ...frame, id });
    return this.takeAny(["ack", "error"], (f) => f.ref === id);
  }

  /** Like `mutate`, but fails the test unless the mutation was acknowledged. */
  async ok(frame: Record<string, unknown> & { type: string }): Promise<AckFrame> {
    const answer = await this.mutate(frame);
    if (answer.type !== "ack")
      throw new Error(`${frame.type} refused: ${answer.code} ${answer.field ?? ""} ${answer.message}`);
    return answer;
  }

  close(): void {
    try {
      this.ws.close(1000, "test done");
    } catch {
      // already closed
    }
  }
}

export async function connect(sessionId: string, cookie: string): Promise<LiveClient> {
  const res = await call(`/api/sessions/${sessionId}/ws`, {
    headers: { Upgrade: "websocket", Cookie: cookie, Origin: ORIGIN },
  });
  if (res.status !== 101 || !res.webSocket) throw new Error(`upgrade refused: ${res.status} ${await res.text()}`);
  return new LiveClient(res.webSocket);
}

export type DemoName = "mia" | "pim" | "ada" | "bram" | "chloe";

export interface LiveDemo {
  sessionId: string;
  cookies: Record<DemoName, string>;
  /** Opens a socket for a demo person and completes the handshake. */
  join(
    name: DemoName,
    lastSeq?: number,
  ): Promise<LiveClient & { welcome: WelcomeFrame; snapshot?: SnapshotFrame; me: MeFrame }>;
  stub(): ReturnType<typeof sessionRoom>;
}

/** The demo's live stage, with a signed-in cookie for each demo person. */
export async function liveDemo(): Promise<LiveDemo> {
  const { people } = await seedDemo();
  const byName = (prefix: string) =>
    people.find((p) => p.name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().startsWith(prefix))!.link;
  const names: DemoName[] = ["mia", "pim", "ada", "bram", "chloe"];
  const cookies = Object.fromEntries(
    await Promise.all(names.map(async (n) => [n, await signIn(byName(n))] as const)),
  ) as Record<DemoName, string>;
  const programme = (await (
    await call("/api/me/programme", { headers: { Cookie: cookies.ada } })
  ).json()) as ProgrammeResponse;
  const sessionId = programme.liveSessionId!;
  return {
    sessionId,
    cookies,
    async join(name, lastSeq) {
      const client = await connect(sessionId, cookies[name]);
      const hello = await client.hello(lastSeq);
      return Object.assign(client, hello);
    },
    stub: () => sessionRoom(env, sessionId),
  };
}
