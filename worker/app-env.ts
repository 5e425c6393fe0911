import type { Config } from "../server/config";
import type { Actor } from "../server/audit";
import type { EventRow, RegistrationRow } from "../server/db/schema";
import type { Env } from "../server/env";

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
