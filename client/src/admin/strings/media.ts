/** The organizer console's media strings. English is the source of keys; Dutch must have every one. */
export const en = {
  "admin.auditAction.stage.channel.create": "Created a stage's IVS channel",
  "admin.auditAction.stage.channel.link": "Linked an IVS channel to a stage",
  "admin.auditAction.stage.channel.release": "Released a stage's IVS channel",
  "admin.auditAction.stage.key.reveal": "Revealed a stage's stream key",
  "admin.auditAction.stage.key.rotate": "Rotated a stage's stream key",
} as const;

export const nl: Record<keyof typeof en, string> = {
  "admin.auditAction.stage.channel.create": "IVS-kanaal van een podium aangemaakt",
  "admin.auditAction.stage.channel.link": "IVS-kanaal aan een podium gekoppeld",
  "admin.auditAction.stage.channel.release": "IVS-kanaal van een podium vrijgegeven",
  "admin.auditAction.stage.key.reveal": "Streamsleutel van een podium getoond",
  "admin.auditAction.stage.key.rotate": "Streamsleutel van een podium vervangen",
};
