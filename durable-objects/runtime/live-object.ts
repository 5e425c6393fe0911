import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../server/env";
import { decodeIdentity, IDENTITY_HEADER, SESSION_HEADER } from "../../server/identity";
import { ErrorFrameCode, KEEPALIVE, MAX_CLIENT_FRAME_BYTES, MAX_MODERATOR_FRAME_BYTES } from "../../core/protocol";
import type { AlarmStep } from "./alarms";
import { readAttachment, tagsFor, writeAttachment, type SocketAttachment } from "./attachment";
import { migrate } from "./migrations";
import { canModerate } from "./mutate";
import { MAINTENANCE_ALARM } from "./mutations";
import { parseClientFrame } from "./parse";
import type { ObjectPlan } from "./plan";
import { Room } from "./room";
import { runtimeMigrations } from "./schema";
import { send } from "./send";

/** Alarms the runtime runs itself, in every object. */
const runtimeAlarms: Readonly<Record<string, AlarmStep>> = {
  [MAINTENANCE_ALARM]: (room) => room.mutations.prune(room.now()),
};

/**
 * What the session object and the event hub share: it accepts live connections the worker has
 * already authenticated, parses each frame and hands it to the one handler its feature declared,
 * runs the named alarms, and tells features when a socket is gone. It hibernates between frames;
 * everything it needs after a wake is in storage or in the socket attachments.
 */
export abstract class LiveObject extends DurableObject<Env> {
  protected readonly room: Room;

  constructor(
    ctx: DurableObjectState,
    env: Env,
    protected readonly plan: ObjectPlan,
  ) {
    super(ctx, env);
    // Keepalives are answered by the runtime, so idle sockets never wake the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(KEEPALIVE.ping, KEEPALIVE.pong));
    migrate(ctx.storage, [...runtimeMigrations, ...plan.migrations]);
    this.room = new Room(ctx, env, plan);
    // Tallies a previous instance marked but did not send before it stopped.
    this.room.ticker.recover();
  }

  /** RPC: the object's name, sent ahead of every other call by the stub helpers in server/rooms.ts. */
  async setName(name: string): Promise<void> {
    this.room.rememberName(name);
  }

  /** What kind of room this is, for features limited to some kinds; undefined: unknown (or only one kind). */
  protected kind(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }

  /** A live connection the worker authenticated; the object learns its name from it too. */
  override async fetch(request: Request): Promise<Response> {
    const identity = decodeIdentity(request.headers.get(IDENTITY_HEADER));
    const name = request.headers.get(SESSION_HEADER);
    if (!identity || !name) return new Response("missing identity", { status: 400 });
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a websocket upgrade", { status: 426 });
    }
    this.room.rememberName(name);

    const { 0: client, 1: server } = new WebSocketPair();
    const attachment: SocketAttachment = {
      registrationId: identity.registrationId,
      name: identity.name,
      role: identity.role,
      ready: false,
      device: "other",
      joinedAt: Date.now(),
    };
    this.ctx.acceptWebSocket(server, tagsFor(attachment));
    this.room.socketIndex.changed();
    writeAttachment(server, attachment);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const who = readAttachment(ws);
    const parsed = parseClientFrame(
      message,
      canModerate(who.role) ? MAX_MODERATOR_FRAME_BYTES : MAX_CLIENT_FRAME_BYTES,
    );
    if (!parsed.ok) return send(ws, parsed.error);
    const frame = parsed.frame;
    if (!who.ready && frame.type !== "hello") {
      return send(ws, { type: "error", code: ErrorFrameCode.helloRequired, message: "Send hello first." });
    }
    const kind = await this.kind();
    const handler = this.plan.handler(frame.type, kind);
    if (!handler) {
      return send(ws, {
        type: "error",
        code: ErrorFrameCode.notAllowed,
        field: "type",
        message: `${frame.type} does not belong in this room.`,
        ...("id" in frame ? { ref: frame.id } : {}),
      });
    }
    try {
      await handler(frame, { room: this.room, ws, who });
      if (frame.type === "hello") await this.plan.afterHello({ room: this.room, ws, who: readAttachment(ws) }, kind);
    } catch (err) {
      // A handler bug must not take the socket (or the object) down with it.
      console.error(`session ${this.room.sessionId}: ${frame.type} failed`, err);
      send(ws, {
        type: "error",
        code: ErrorFrameCode.internal,
        message: "Something went wrong handling that. Please try again.",
        ...("id" in frame && typeof frame.id === "string" ? { ref: frame.id } : {}),
      });
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    await this.socketGone(ws);
    // Complete the closing handshake; with hibernation the runtime leaves that to us.
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    await this.socketGone(ws);
    try {
      ws.close(1011, "socket error");
    } catch {
      // already closed
    }
  }

  /** Everything a closed socket leaves behind, feature by feature (its visit, its place in a call, …). */
  private async socketGone(ws: WebSocket): Promise<void> {
    this.room.socketIndex.changed();
    await this.plan.socketClosed(this.room, ws, readAttachment(ws), await this.kind());
  }

  /** The single storage alarm, shared by the named ones that are due. */
  override async alarm(): Promise<void> {
    this.room.alarms.fired();
    for (const name of this.room.alarms.takeDue(Date.now())) {
      const step = runtimeAlarms[name] ?? this.plan.alarms.get(name);
      if (step) await step(this.room);
      else console.error(`session ${this.room.sessionId}: no feature runs the alarm ${name}`);
    }
    this.room.alarms.arm();
  }
}
