import type { Config } from "./config";
import type { Actor } from "./lib/audit";
import type { EventRow, RegistrationRow } from "./db/schema";
import type { Env } from "./env";

/** The signed-in person, loaded fresh from D1 on each request (so a role change applies at once). */
export interface Me {
  registration: RegistrationRow;
  event: EventRow;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    config: Config;
    me: Me;
    /** The organizer behind an admin request, for the audit log. */
    actor: Actor;
  };
}
