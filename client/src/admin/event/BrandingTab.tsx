import type { EventTabProps } from "./tab-props";

/** The event's branding tab. */
export default function BrandingTab(_props: EventTabProps) {
  return null;
}
