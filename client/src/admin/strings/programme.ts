/** The organizer console's programme strings. English is the source of keys; Dutch must have every one. */
export const en = {
  "admin.auditAction.session.delete": "Removed a session",
} as const;

export const nl: Record<keyof typeof en, string> = {
  "admin.auditAction.session.delete": "Verwijderde een sessie",
};
