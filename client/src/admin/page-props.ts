import type { OrganizerMe } from "../../../core/contract/organizers";
import type { Controls, MeWorkspace, ScopedEvent } from "./access";

/** What every console page gets: who is signed in, the chosen workspace and what they may do in it. */
export interface PageProps {
  me: OrganizerMe;
  workspace: MeWorkspace;
  controls: Controls;
  /** The workspace's events the person may see. */
  events: ScopedEvent[];
  onSignedOut: () => void;
  /**
   * The person changed their own access (their role, or left the workspace): ask the server again
   * what they may do and show the console as that, with `notice` said at its top.
   */
  onAccessChanged: (notice: string) => Promise<void>;
}
