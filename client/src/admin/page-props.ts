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
}
