import { hubRoomName } from "../core/protocol/networking";
import type { Env } from "./env";

/** The event's hub: the session object class under the name `hub:<eventId>`. */
export function hubStub(env: Env, eventId: string) {
  return { name: hubRoomName(eventId), stub: env.SESSION_ROOM.get(env.SESSION_ROOM.idFromName(hubRoomName(eventId))) };
}
