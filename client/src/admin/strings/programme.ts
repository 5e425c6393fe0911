/** The organizer console's programme strings. English is the source of keys; Dutch must have every one. */
export const en = {} as const;

export const nl: Record<keyof typeof en, string> = {};
