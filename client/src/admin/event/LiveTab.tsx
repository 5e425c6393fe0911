import type { EventTabProps } from "./tab-props";

/** The event's live tab. */
export default function LiveTab(_props: EventTabProps) {
  return null;
}
