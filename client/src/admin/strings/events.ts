/** The organizer console's events strings. English is the source of keys; Dutch must have every one. */
export const en = {
  "admin.auditAction.event.duplicate": "Duplicated an event",
} as const;

export const nl: Record<keyof typeof en, string> = {
  "admin.auditAction.event.duplicate": "Evenement gedupliceerd",
};
