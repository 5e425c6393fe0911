import type { Controls, MeWorkspace, ScopedEvent } from "../access";

/** What every tab of an event's page gets. */
export interface EventTabProps {
  event: ScopedEvent;
  /** The workspace's events the person may see (for duplicating, moving between events). */
  events: ScopedEvent[];
  workspace: MeWorkspace;
  controls: Controls;
  /** Ask the server for the events again, after one was created or changed. */
  refetchEvents: () => void;
}
