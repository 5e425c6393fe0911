import type { EventTabProps } from "./tab-props";

/** The event's interactions tab. */
export default function InteractionsTab(_props: EventTabProps) {
  return null;
}
