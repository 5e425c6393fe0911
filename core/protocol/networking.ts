import type { SessionKind } from "./identity";

/**
 * The event hub: one room per event (not per programme session) for what follows a person
 * wherever they are in the portal — 1:1 invitations and the calls they start. It is an object of
 * its own class (EventHub) named `hub:<eventId>`, and clients reach it as the session `hub`
 * (`/api/sessions/hub/ws`).
 */
export const HUB_SESSION = "hub";
const HUB_PREFIX = "hub:";

export const hubRoomName = (eventId: string): string => `${HUB_PREFIX}${eventId}`;
export const eventOfHub = (roomName: string): string => roomName.slice(HUB_PREFIX.length);

/** What a room is: a programme session of some kind, or the event's hub. Features refuse frames that do not belong to it. */
export type RoomKind = SessionKind | "hub";

/** A person as networking shows them to someone else: never an e-mail address. */
export interface PersonCard {
  registrationId: string;
  name: string;
  /** From the organizer-chosen organisation attribute; null when the person has none. */
  organisation: string | null;
}
