import type { MatrixTile, Role } from "../core/protocol";
import { hubRoomName } from "../core/protocol/networking";
import type { Admission } from "../core/protocol/rtc";

/*
 * What the worker and the objects may ask of each object class: the RPC surface, typed here so
 * server/ (the bindings in env.ts) needs nothing from durable-objects/. Each class declares that
 * it implements its interface, so the two cannot drift apart.
 */

/** An object that keeps the name it is reached by (a Durable Object cannot read it from its id). */
interface Named {
  /** Stored the first time; an object's name never changes. */
  setName(name: string): Promise<void>;
}

/** One programme session's object (stage, breakout, carousel, stream room), named by the session id. */
export interface SessionRoomRpc extends Rpc.DurableObjectBranded, Named {
  fetch(request: Request): Promise<Response>;
  callAdmission(person: { registrationId: string; role: Role }, call: string, output?: boolean): Promise<Admission>;
  setCallMembers(call: string, registrationIds: string[]): Promise<void>;
  admitGuests(stageId: string, registrationIds: string[]): Promise<void>;
  isStreamRoomGuest(registrationId: string): Promise<boolean>;
  matrixPresent(): Promise<MatrixTile[]>;
  matrixShow(coordinator: string, registrationIds: string[]): Promise<string[]>;
  matrixRefresh(): Promise<void>;
  flushReports(): Promise<void>;
  syncPrepared(): Promise<{ imported: number; removed: number }>;
  liveSummary(): Promise<SessionLiveSummary>;
  sendEveryone(to: string): Promise<void>;
}

/** What a session object tells the control room. */
export interface SessionLiveSummary {
  /** People here (output pages are no one). */
  online: number;
  /** Raised hands waiting for a moderator. */
  handsWaiting: number;
}

/** An event's hub (`hub:<eventId>`): every open portal page, 1:1 invitations and their calls. */
export interface EventHubRpc extends Rpc.DurableObjectBranded, Named {
  fetch(request: Request): Promise<Response>;
  callAdmission(person: { registrationId: string; role: Role }, call: string): Promise<Admission>;
  onlineAmong(registrationIds: string[]): Promise<string[]>;
  unavailable(registrationId: string): Promise<void>;
  onlineCount(): Promise<number>;
  flushReports(): Promise<void>;
}

/** The one object that sends invitation e-mails. */
export interface InvitationSchedulerRpc extends Rpc.DurableObjectBranded {
  poke(): Promise<{ nextAt: number | null }>;
}

/**
 * The object of this name, told its name before anything else is asked of it (as partyserver's
 * `getServerByName` does), so no RPC method carries the name just for the object to learn it.
 * Calls on one stub reach the object in the order they were made (E-order), so `setName` is not
 * awaited: it costs no round trip. It is sent with every stub, not only the first one an isolate
 * makes, because only the object knows whether it has its name yet (its storage may be new).
 * Websocket upgrades carry the name in a header too (SESSION_HEADER), for the same reason.
 */
function byName<T extends Rpc.DurableObjectBranded & Named>(
  namespace: DurableObjectNamespace<T>,
  name: string,
): DurableObjectStub<T> {
  const stub = namespace.get(namespace.idFromName(name));
  // A failure here fails the call that follows on the same stub too; this only keeps it from
  // being an unhandled rejection.
  (stub as unknown as Named).setName(name).catch((err: unknown) => console.error(`naming ${name} failed`, err));
  return stub;
}

/** A programme session's object. */
export const sessionRoom = (env: { SESSION_ROOM: DurableObjectNamespace<SessionRoomRpc> }, sessionId: string) =>
  byName(env.SESSION_ROOM, sessionId);

/** An event's hub, named `hub:<eventId>` (its live connections welcome clients under that name). */
export const eventHub = (env: { EVENT_HUB: DurableObjectNamespace<EventHubRpc> }, eventId: string) =>
  byName(env.EVENT_HUB, hubRoomName(eventId));
