import type { EventTabProps } from "./tab-props";

/** The event's form tab. */
export default function FormTab(_props: EventTabProps) {
  return null;
}
