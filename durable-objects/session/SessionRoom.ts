import type { Env } from "../../server/env";
import type { SessionRoomRpc } from "../../server/rooms";
import type { MatrixTile, Role } from "../../core/protocol";
import type { SessionLiveSummary } from "../../server/rooms";
import type { Admission } from "../../core/protocol/rtc";
import { checkAdmission } from "../features/rtc/handler";
import type { CallPlace } from "../features/rtc/rules";
import { setCallMembers } from "../features/rtc/store";
import { LiveObject } from "../runtime/live-object";
import { serial } from "../runtime/serial";
import { preparedKinds, sessionObject } from "./features";
import { syncPrepared } from "./features/items/prepared";
import { flushReports } from "./features/reports";
import { admitGuests, isGuest } from "./features/stagedoor/guests";
import { refreshMatrix } from "./features/stagedoor/matrix";
import { presentParticipants, showHere } from "./features/stagedoor/matrix-source";
import { sendEveryone } from "./features/nav/handler";
import { presenceOf } from "./features/presence";
import { waitingCount } from "./features/stagedoor/store";
import { sessionKind } from "./kind";

/**
 * One object per programme session (stage, breakout, carousel, stream room); an event's hub is
 * the EventHub class (durable-objects/hub). The runtime (LiveObject) accepts sockets, dispatches
 * frames to the features in features.ts and runs their alarms; this class adds the RPC methods
 * the worker and other objects call, each handing over to the feature it belongs to.
 */
export class SessionRoom extends LiveObject implements SessionRoomRpc {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env, sessionObject);
  }

  /** The programme session's kind, from D1 (kept once read). */
  protected override kind(): Promise<CallPlace | undefined> {
    return sessionKind(this.room);
  }

  /** RPC from the call-join endpoint: may this person join this call now (as an output page)? */
  async callAdmission(
    person: { registrationId: string; role: Role },
    call: string,
    output = false,
  ): Promise<Admission> {
    return checkAdmission(this.room, () => this.kind(), person, call, output);
  }

  /** RPC for features that pair people up (carousel rounds, 1:1 chats, stream-room invitations). */
  async setCallMembers(call: string, registrationIds: string[]): Promise<void> {
    setCallMembers(this.room, call, registrationIds);
  }

  /** RPC from a stage to its stream room: the participants approved into the studio, all of them. */
  async admitGuests(stageId: string, registrationIds: string[]): Promise<void> {
    await admitGuests(this.room, stageId, registrationIds);
  }

  /** RPC from the worker's audience check: is this participant a guest of this stream room now? */
  async isStreamRoomGuest(registrationId: string): Promise<boolean> {
    return isGuest(this.room, registrationId);
  }

  /** RPC from a matrix coordinator: the participants here now. */
  async matrixPresent(): Promise<MatrixTile[]> {
    return presentParticipants(this.room);
  }

  /** RPC from a matrix coordinator: show exactly these people from here; answers whom it shows. */
  async matrixShow(coordinator: string, registrationIds: string[]): Promise<string[]> {
    let shown: string[] = [];
    // In turn with consent changes here, so a withdrawal is never overtaken by an older request.
    await serial(this.room, async () => {
      shown = await showHere(this.room, coordinator, registrationIds);
    });
    return shown;
  }

  /** RPC from a matrix source: someone's consent changed; look again now. */
  async matrixRefresh(): Promise<void> {
    await serial(this.room, () => refreshMatrix(this.room));
  }

  /** Writes pending attendance and results to D1 (also called by tests instead of waiting). */
  async flushReports(): Promise<void> {
    await flushReports(this.room);
  }

  /** Imports the organizer's prepared items for this session from D1 (the admin API calls it after a change). */
  async syncPrepared(): Promise<{ imported: number; removed: number }> {
    return syncPrepared(this.room, preparedKinds);
  }

  /** RPC from the control room: people here now and raised hands waiting (two cheap reads, no writes). */
  async liveSummary(): Promise<SessionLiveSummary> {
    return { online: presenceOf(this.room).count(), handsWaiting: waitingCount(this.room.sql) };
  }

  /**
   * RPC from the control room's "send everyone to …": the same send as a moderator's `nav/send`
   * (the worker checked that `to` is another session of this event), in one transaction with its event.
   */
  async sendEveryone(to: string): Promise<void> {
    this.room.transaction(() => sendEveryone(this.room, to));
  }
}
