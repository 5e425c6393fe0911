import type { EventTabProps } from "./tab-props";

/** The event's programme tab. */
export default function ProgrammeTab(_props: EventTabProps) {
  return null;
}
