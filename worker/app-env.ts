import type { Config } from "../server/config";
import type { Actor } from "../server/audit";
import type { EventRow, RegistrationRow } from "../server/db/schema";
import type { Env } from "../server/env";
import type { Principal } from "../server/organizers/access";

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
    /** The organizer behind an admin request, as the audit log names them. */
    actor: Actor;
    /** The signed-in person or API token behind an organizer request (worker/middleware/organizer.ts). */
    organizer: Principal;
  };
}
