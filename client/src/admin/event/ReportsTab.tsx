import type { EventTabProps } from "./tab-props";

/** The event's reports tab. */
export default function ReportsTab(_props: EventTabProps) {
  return null;
}
