/** The organizer console's interactions strings. English is the source of keys; Dutch must have every one. */
export const en = {
  "admin.auditAction.prepared.create": "Prepared a poll, quiz or word cloud",
  "admin.auditAction.prepared.update": "Changed a prepared item",
  "admin.auditAction.prepared.delete": "Removed a prepared item",
  "admin.auditAction.prepared.reorder": "Reordered prepared items",
} as const;

export const nl: Record<keyof typeof en, string> = {
  "admin.auditAction.prepared.create": "Peiling, quiz of woordwolk voorbereid",
  "admin.auditAction.prepared.update": "Voorbereid item gewijzigd",
  "admin.auditAction.prepared.delete": "Voorbereid item verwijderd",
  "admin.auditAction.prepared.reorder": "Voorbereide items herschikt",
};
