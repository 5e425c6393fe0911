import type { Env } from "../../server/env";
import type { EventHubRpc } from "../../server/rooms";
import type { Role } from "../../core/protocol";
import type { Admission } from "../../core/protocol/rtc";
import { checkAdmission } from "../features/rtc/handler";
import { LiveObject } from "../runtime/live-object";
import { hubObject } from "./features";
import { becameUnavailable, onlineAmong, onlineCount } from "./features/invite/hub";
import { flushReports } from "../session/features/reports";

/**
 * One object per event (`hub:<eventId>`): every open portal page of the event is connected to it,
 * for 1:1 invitations and the calls they start. The runtime (LiveObject) accepts the sockets and
 * runs the hub's features (features.ts); this class adds the RPC methods the worker calls.
 */
export class EventHub extends LiveObject implements EventHubRpc {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env, hubObject);
  }

  /** A hub's calls are 1:1s, admitted by the rules for the hub. */
  protected override kind(): Promise<"hub"> {
    return Promise.resolve("hub");
  }

  /** RPC from the hub's call-join endpoint: may this person join this 1:1 call now? */
  async callAdmission(person: { registrationId: string; role: Role }, call: string): Promise<Admission> {
    return checkAdmission(this.room, () => this.kind(), person, call, false);
  }

  /** RPC (the directory): which of these people have the portal open now. */
  async onlineAmong(registrationIds: string[]): Promise<string[]> {
    return onlineAmong(this.room, registrationIds);
  }

  /** RPC (preferences): the person left the directory or turned invitations off. */
  async unavailable(registrationId: string): Promise<void> {
    becameUnavailable(this.room, registrationId);
  }

  /** Writes the 1:1 chats waiting in the outbox to D1 (tests call it instead of waiting for the alarm). */
  async flushReports(): Promise<void> {
    await flushReports(this.room);
  }

  /** RPC from the control room: how many people have a portal page of the event open now. */
  async onlineCount(): Promise<number> {
    return onlineCount(this.room);
  }
}
