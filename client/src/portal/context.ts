import { createContext, useContext, type Accessor } from "solid-js";
import type { MeResponse, ProgrammeItem, ProgrammeResponse } from "../../../core/contract/index";
import type { Hub } from "../features/hub/hub";
import type { LiveSession } from "../features/session/live";

/** What every portal page shares: who this is, their programme, the server's clock, and follow. */
export interface Portal {
  me: Accessor<MeResponse>;
  programme: Accessor<ProgrammeResponse>;
  refreshProgramme(): void;
  /** Reloads who this is (after the tech check saved a result). */
  refreshMe(): Promise<void>;
  /** Server time (epoch ms), ticking once a second. */
  serverNow: Accessor<number>;
  follow: Accessor<boolean>;
  setFollow(on: boolean): void;
  /** The session page's live connection, while one is open (for the header and the follow engine). */
  live: Accessor<LiveSession | undefined>;
  setLive(live: LiveSession | undefined): void;
  session(id: string): ProgrammeItem | undefined;
  /**
   * Selects one of the person's selectable sessions (parallel alternatives are dropped), on the
   * server so every device agrees; resolves once saved, and the programme follows on its own.
   */
  select(sessionId: string): Promise<void>;
  /** The event hub's connection, open on every portal page: 1:1 invitations and calls. */
  hub: Hub;
}

export const PortalContext = createContext<Portal>();

export function usePortal(): Portal {
  const portal = useContext(PortalContext);
  if (!portal) throw new Error("usePortal outside the portal shell");
  return portal;
}
