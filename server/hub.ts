import { hubRoomName } from "../core/protocol/networking";
import type { Env } from "./env";

/** The event's hub: the EventHub object under the name `hub:<eventId>`. */
export function hubStub(env: Env, eventId: string) {
  return { name: hubRoomName(eventId), stub: env.EVENT_HUB.get(env.EVENT_HUB.idFromName(hubRoomName(eventId))) };
}
