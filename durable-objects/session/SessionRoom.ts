import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../server/env";
import type { SessionRoomRpc } from "../../server/rooms";
import type { PreparedInteraction } from "../../core/contract/interactions";
import { database } from "../../server/db/client";
import { preparedForImport } from "../../server/db/interactions";
import { writeReports } from "../../server/db/reports";
import { onCarouselHello, onCarouselSocketClosed } from "./handlers/carousel";
import { runCarouselAlarm } from "./handlers/carousel-engine";
import { becameUnavailable, onInviteAlarm, onlineAmong } from "./handlers/hub";
import { importPrepared } from "./handlers/prepared";
import { onQuizDeadline } from "./handlers/quiz";
import { registerTicks } from "./handlers/ticks";
import { ErrorFrameCode, KEEPALIVE, MAX_CLIENT_FRAME_BYTES, MAX_MODERATOR_FRAME_BYTES } from "../../core/protocol";
import { AlarmName } from "./runtime/alarms";
import { readAttachment, tagsFor, writeAttachment, type SocketAttachment } from "./runtime/attachment";
import { decodeIdentity, IDENTITY_HEADER, SESSION_HEADER } from "../../server/identity";
import { migrate } from "./runtime/migrations";
import { canModerate } from "./runtime/mutate";
import { parseClientFrame } from "./runtime/parse";
import { route } from "./runtime/router";
import { Room } from "./runtime/room";
import { roomMigrations } from "./runtime/schema";
import { send } from "./runtime/send";
import { runMediaAlarm } from "./features/media-alarm";
import { mediaMigrations, sessionKind, setCallMembers } from "./features/media-store";
import { frameBelongs } from "./features/scope";
import { checkAdmission, onRtcSocketClosed } from "./handlers/rtc";
import type { MatrixTile, Role } from "../../core/protocol";
import { admitGuests, isGuest, retryGuests } from "./handlers/hand-guests";
import { matrixAlarm, refreshMatrix } from "./handlers/matrix";
import { presentParticipants, showHere } from "./handlers/matrix-source";
import { serial } from "./handlers/serial";
import { type Admission } from "../../core/protocol/rtc";

/** A moderator joining pulls the organizer's prepared items, at most this often per instance. */
const PREPARED_REFRESH_MS = 60_000;

/**
 * One object per programme session (stage, breakout, carousel, stream room). It accepts sockets
 * the worker has already authenticated, parses and routes frames to feature handlers, keeps the
 * session's live state in its SQLite storage, and writes reports to D1. It hibernates between
 * frames; everything it needs after a wake is in storage or in the socket attachments.
 */
export class SessionRoom extends DurableObject<Env> implements SessionRoomRpc {
  private readonly room: Room;
  private preparedFetchedAt = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Keepalives are answered by the runtime, so idle sockets never wake the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(KEEPALIVE.ping, KEEPALIVE.pong));
    migrate(ctx.storage, roomMigrations);
    migrate(ctx.storage, mediaMigrations);
    this.room = new Room(ctx, env);
    registerTicks(this.room);
    // Tallies a previous instance marked but did not send before it stopped.
    this.room.ticker.recover();
  }

  /** RPC from the call-join endpoint: may this person join this call now (as an output page)? */
  async callAdmission(sessionId: string, person: { registrationId: string; role: Role }, call: string, output = false): Promise<Admission> {
    this.room.rememberSessionId(sessionId);
    return checkAdmission(this.room, person, call, output);
  }

  /** RPC for features that pair people up (carousel rounds, 1:1 chats, stream-room invitations). */
  async setCallMembers(sessionId: string, call: string, registrationIds: string[]): Promise<void> {
    this.room.rememberSessionId(sessionId);
    setCallMembers(this.room, call, registrationIds);
  }

  /** RPC from a stage to its stream room: the participants approved into the studio, all of them. */
  async admitGuests(sessionId: string, stageId: string, registrationIds: string[]): Promise<void> {
    this.room.rememberSessionId(sessionId);
    await admitGuests(this.room, stageId, registrationIds);
  }

  /** RPC from the worker's audience check: is this participant a guest of this stream room now? */
  async isStreamRoomGuest(sessionId: string, registrationId: string): Promise<boolean> {
    this.room.rememberSessionId(sessionId);
    return isGuest(this.room, registrationId);
  }

  /** RPC from a matrix coordinator: the participants here now. */
  async matrixPresent(sessionId: string): Promise<MatrixTile[]> {
    this.room.rememberSessionId(sessionId);
    return presentParticipants(this.room);
  }

  /** RPC from a matrix coordinator: show exactly these people from here; answers whom it shows. */
  async matrixShow(sessionId: string, coordinator: string, registrationIds: string[]): Promise<string[]> {
    this.room.rememberSessionId(sessionId);
    let shown: string[] = [];
    // In turn with consent changes here, so a withdrawal is never overtaken by an older request.
    await serial(this.room, async () => {
      shown = await showHere(this.room, coordinator, registrationIds);
    });
    return shown;
  }

  /** RPC from a matrix source: someone's consent changed; look again now. */
  async matrixRefresh(sessionId: string): Promise<void> {
    this.room.rememberSessionId(sessionId);
    await serial(this.room, () => refreshMatrix(this.room));
  }

  /** Hub RPC (the directory): which of these people have the portal open now. */
  async onlineAmong(hubName: string, registrationIds: string[]): Promise<string[]> {
    this.room.rememberSessionId(hubName);
    return onlineAmong(this.room, registrationIds);
  }

  /** Hub RPC (preferences): the person left the directory or turned invitations off. */
  async unavailable(hubName: string, registrationId: string): Promise<void> {
    this.room.rememberSessionId(hubName);
    becameUnavailable(this.room, registrationId);
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
    this.room.socketIndex.changed();
    writeAttachment(server, attachment);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const who = readAttachment(ws);
    const parsed = parseClientFrame(message, canModerate(who.role) ? MAX_MODERATOR_FRAME_BYTES : MAX_CLIENT_FRAME_BYTES);
    if (!parsed.ok) return send(ws, parsed.error);
    const frame = parsed.frame;
    if (!who.ready && frame.type !== "hello") {
      return send(ws, { type: "error", code: ErrorFrameCode.helloRequired, message: "Send hello first." });
    }
    const kind = await sessionKind(this.room);
    if (!frameBelongs(kind, frame.type)) {
      return send(ws, {
        type: "error",
        code: ErrorFrameCode.notAllowed,
        field: "type",
        message: `${frame.type} does not belong in this room.`,
        ...("id" in frame ? { ref: frame.id } : {}),
      });
    }
    try {
      await route(frame, { room: this.room, ws, who, kind });
      if (frame.type === "hello" && kind === "carousel" && ws.readyState === WebSocket.OPEN) onCarouselHello({ room: this.room, ws, who: readAttachment(ws), kind });
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
    if (frame.type === "hello" && canModerate(who.role)) this.refreshPrepared();
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

  /** Everything a closed socket leaves: its visit, its place in a call, its place in the carousel. */
  private async socketGone(ws: WebSocket): Promise<void> {
    this.room.socketIndex.changed();
    const who = readAttachment(ws);
    this.room.presence.depart(ws, who);
    await onRtcSocketClosed(this.room, ws);
    if ((await sessionKind(this.room)) === "carousel") onCarouselSocketClosed(this.room, ws, who.registrationId);
  }

  /** The single storage alarm, shared by the named ones that are due. */
  override async alarm(): Promise<void> {
    this.room.alarms.fired();
    for (const name of this.room.alarms.takeDue(Date.now())) {
      switch (name) {
        case AlarmName.quizDeadline:
          onQuizDeadline(this.room);
          break;
        case AlarmName.outbox:
          await this.flushReports();
          break;
        case AlarmName.maintenance:
          this.room.mutations.prune(Date.now());
          break;
        case AlarmName.media:
          await runMediaAlarm(this.room);
          break;
        case AlarmName.stagedoor:
          await serial(this.room, async () => {
            await retryGuests(this.room);
            await matrixAlarm(this.room);
          });
          break;
        case AlarmName.invites:
          onInviteAlarm(this.room);
          break;
        case AlarmName.carousel:
          runCarouselAlarm(this.room);
          break;
        default:
          name satisfies never;
      }
    }
    this.room.alarms.arm();
  }

  /** Writes pending attendance and results to D1 (also called by tests instead of waiting). */
  async flushReports(): Promise<void> {
    await this.room.outbox.flush((items) => writeReports(this.env.DB, this.room.sessionId, items), () => Date.now());
  }

  /** Imports the organizer's prepared items for this session from D1 (the admin API calls it after a change). */
  async syncPrepared(sessionId: string): Promise<{ imported: number; removed: number }> {
    this.room.rememberSessionId(sessionId);
    this.preparedFetchedAt = Date.now();
    const rows = await preparedForImport(database(this.env.DB), sessionId);
    const items = rows.map((r) => ({ id: r.id, sessionId: r.sessionId, kind: r.kind, definition: r.definition, position: r.position }) as PreparedInteraction);
    return this.room.transaction(() => importPrepared(this.room, items));
  }

  private refreshPrepared(): void {
    if (Date.now() - this.preparedFetchedAt < PREPARED_REFRESH_MS || !this.room.sessionId) return;
    this.syncPrepared(this.room.sessionId).catch((err: unknown) => console.error("importing prepared items failed", err));
  }
}
