import type { Sequenced } from "./common";
import type { DeviceClass } from "./hello";
import type { Role } from "./identity";
import type { WireFrame } from "./wire";

export interface PresencePerson {
  registrationId: string;
  name: string;
  role: Role;
  device: DeviceClass;
  /** When this person's current stay began (epoch ms). */
  since: number;
}

/** How many people are here (each counted once, however many tabs). Not sequenced: only the latest matters. */
export type PresenceCountFrame = WireFrame<"presence/count", { count: number }>;
/** Staff only: who arrived and who left since the last update (at most four a second). */
export type PresencePeopleEvent = Sequenced<"presence/people", { joined: PresencePerson[]; left: string[] }>;
