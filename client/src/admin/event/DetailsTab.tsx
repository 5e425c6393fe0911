import type { EventTabProps } from "./tab-props";

/** The event's details tab. */
export default function DetailsTab(_props: EventTabProps) {
  return null;
}
