/**
 * HTTP shapes of the networking API (directory, preferences, contacts), shared with the browser
 * client. Types only: the client imports this file.
 */
import type { Role } from "../protocol/identity";
import type { AttributeValue } from "./index";

/** `GET|PATCH /api/me/preferences`. */
export interface NetworkingPreferences {
  /** In the event's directory (off until the person turns it on). */
  listed: boolean;
  /** Others in the directory may invite this person to a 1:1. */
  invitations: boolean;
}

export interface PreferencesResponse extends NetworkingPreferences {
  /** A moderator took this person out of the directory; they cannot list themselves again. */
  removed: boolean;
  /** How this person appears to others when listed. */
  card: DirectoryEntry;
}

/** One person as the directory shows them: never an e-mail address. */
export interface DirectoryEntry {
  registrationId: string;
  name: string;
  organisation: string | null;
  /** The organizer-chosen attributes this person has. */
  attributes: Record<string, AttributeValue>;
  /** Moderators and producers who chose to be listed show their role. */
  role: Role;
  /** Has the portal open right now. */
  online: boolean;
  /** Takes 1:1 invitations. */
  invitable: boolean;
}

/** `GET /api/me/directory?q=&cursor=&limit=` — sorted by name. */
export interface DirectoryPage {
  items: DirectoryEntry[];
  nextCursor: string | null;
  /**
   * The attributes the organizer shows on cards, in order, with their form labels and, for a
   * question with options, how each value reads (all in the reader's language).
   */
  attributes: { key: string; label: string; optionLabels?: Record<string, string> }[];
}

/** `GET /api/me/contacts` — people who saved each other after a carousel round. */
export interface ContactsResponse {
  items: { registrationId: string; name: string; email: string; organisation: string | null; savedAt: string }[];
}

/** `GET|PUT /api/admin/events/:eventId/networking`. */
export interface NetworkingSettings {
  organisationAttribute: string;
  directoryAttributes: string[];
}
