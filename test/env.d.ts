import type { D1Migration } from "cloudflare:test";
import type { Env } from "../server/env";

declare global {
  namespace Cloudflare {
    interface Env extends FoyerTestEnv {}
    interface GlobalProps {
      mainModule: typeof import("../main");
      durableNamespaces: "SessionRoom" | "EventHub" | "InvitationScheduler";
    }
  }
}

interface FoyerTestEnv extends Env {
  TEST_MIGRATIONS: D1Migration[];
}
