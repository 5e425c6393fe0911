/** The tabs of an event's page, in the order of its navigation; `?tab=` in the address names one. */
export const EVENT_TABS = [
  "details",
  "branding",
  "form",
  "programme",
  "media",
  "interactions",
  "registrations",
  "live",
  "reports",
  "outbox",
] as const;
export type EventTab = (typeof EVENT_TABS)[number];

export const tabOf = (value: string | null | undefined): EventTab =>
  (EVENT_TABS as readonly string[]).includes(value ?? "") ? (value as EventTab) : "registrations";
