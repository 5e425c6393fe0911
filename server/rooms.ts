import type { MatrixTile, Role } from "../core/protocol";
import type { Admission } from "../core/protocol/rtc";

/*
 * What the worker and the objects may ask of each object class: the RPC surface, typed here so
 * server/ (the bindings in env.ts) needs nothing from durable-objects/. Each class declares that
 * it implements its interface, so the two cannot drift apart.
 */

/** One programme session's object (stage, breakout, carousel, stream room). */
export interface SessionRoomRpc extends Rpc.DurableObjectBranded {
  fetch(request: Request): Promise<Response>;
  callAdmission(sessionId: string, person: { registrationId: string; role: Role }, call: string, output?: boolean): Promise<Admission>;
  setCallMembers(sessionId: string, call: string, registrationIds: string[]): Promise<void>;
  admitGuests(sessionId: string, stageId: string, registrationIds: string[]): Promise<void>;
  isStreamRoomGuest(sessionId: string, registrationId: string): Promise<boolean>;
  matrixPresent(sessionId: string): Promise<MatrixTile[]>;
  matrixShow(sessionId: string, coordinator: string, registrationIds: string[]): Promise<string[]>;
  matrixRefresh(sessionId: string): Promise<void>;
  flushReports(): Promise<void>;
  syncPrepared(sessionId: string): Promise<{ imported: number; removed: number }>;
}

/** An event's hub (`hub:<eventId>`): every open portal page, 1:1 invitations and their calls. */
export interface EventHubRpc extends Rpc.DurableObjectBranded {
  fetch(request: Request): Promise<Response>;
  callAdmission(hubName: string, person: { registrationId: string; role: Role }, call: string): Promise<Admission>;
  onlineAmong(hubName: string, registrationIds: string[]): Promise<string[]>;
  unavailable(hubName: string, registrationId: string): Promise<void>;
}

/** The one object that sends invitation e-mails. */
export interface InvitationSchedulerRpc extends Rpc.DurableObjectBranded {
  poke(): Promise<{ nextAt: number | null }>;
}
