import type { EventTabProps } from "./tab-props";

/** The event's media tab. */
export default function MediaTab(_props: EventTabProps) {
  return null;
}
