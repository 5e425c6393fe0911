import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../worker/env";
import { ErrorFrameCode, KEEPALIVE } from "./protocol";
import { readAttachment, tagsFor, writeAttachment, type SocketAttachment } from "./runtime/attachment";
import { decodeIdentity, IDENTITY_HEADER, SESSION_HEADER } from "./runtime/identity";
import { migrate } from "./runtime/migrations";
import { parseClientFrame } from "./runtime/parse";
import { route } from "./runtime/router";
import { Room } from "./runtime/room";
import { roomMigrations } from "./runtime/schema";
import { send } from "./runtime/send";
import { mediaAlarm } from "./features/media-alarm";
import { mediaMigrations, setCallMembers } from "./features/media-store";
import type { Admission } from "./features/rtc";
import { checkAdmission, onRtcSocketClosed } from "./handlers/rtc";
import type { Role } from "./protocol";

/**
 * One object per programme session (stage, breakout, carousel, stream room). It accepts sockets
 * the worker has already authenticated, parses and routes frames to feature handlers, and keeps
 * the session's live state in its SQLite storage. It hibernates between frames.
 */
export class SessionRoom extends DurableObject<Env> {
  private readonly room: Room;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.room = new Room(ctx, env);
    // Keepalives are answered by the runtime, so idle sockets never wake the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(KEEPALIVE.ping, KEEPALIVE.pong));
    migrate(ctx.storage, roomMigrations);
    migrate(ctx.storage, mediaMigrations);
  }

  /** RPC from the call-join endpoint: may this person join this call now? */
  async callAdmission(sessionId: string, person: { registrationId: string; role: Role }, call: string): Promise<Admission> {
    this.room.rememberSessionId(sessionId);
    return checkAdmission(this.room, person, call);
  }

  /** RPC for features that pair people up (carousel rounds, 1:1 chats, stream-room invitations). */
  async setCallMembers(sessionId: string, call: string, registrationIds: string[]): Promise<void> {
    this.room.rememberSessionId(sessionId);
    setCallMembers(this.room, call, registrationIds);
  }

  override async alarm(): Promise<void> {
    const next = await mediaAlarm(this.room);
    if (next !== undefined) await this.ctx.storage.setAlarm(Date.now() + next);
  }

  override async fetch(request: Request): Promise<Response> {
    const identity = decodeIdentity(request.headers.get(IDENTITY_HEADER));
    const sessionId = request.headers.get(SESSION_HEADER);
    if (!identity || !sessionId) return new Response("missing identity", { status: 400 });
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a websocket upgrade", { status: 426 });
    }
    this.room.rememberSessionId(sessionId);

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
    writeAttachment(server, attachment);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const parsed = parseClientFrame(message);
    if (!parsed.ok) return send(ws, parsed.error);
    const who = readAttachment(ws);
    const frame = parsed.frame;
    if (!who.ready && frame.type !== "hello") {
      return send(ws, { type: "error", code: ErrorFrameCode.helloRequired, message: "Send hello first." });
    }
    try {
      await route(frame, { room: this.room, ws, who });
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
    await onRtcSocketClosed(this.room, ws);
    // Complete the closing handshake; with hibernation the runtime leaves that to us.
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    await onRtcSocketClosed(this.room, ws);
    try {
      ws.close(1011, "socket error");
    } catch {
      // already closed
    }
  }
}
