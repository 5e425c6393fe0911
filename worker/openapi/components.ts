/**
 * Response shapes for the OpenAPI document, written by hand to match worker/contract.ts (request
 * bodies are generated from the valibot schemas that validate them).
 */
type Schema = Record<string, unknown>;

const str = { type: "string" } as const;
const dateTime = { type: "string", format: "date-time" } as const;
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: "null" }] });
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, Schema>, optional: string[] = []): Schema => ({
  type: "object",
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
});
const attributeValue: Schema = { anyOf: [str, { type: "array", items: str }] };
const languages = {
  type: "array",
  items: { enum: ["en", "nl"] },
  description: "The event's languages, its first language first",
} as const;

export const page = (item: string): Schema =>
  obj({ items: { type: "array", items: ref(item) }, total: { type: "integer" }, nextCursor: nullable(str) });

/** The registrations list: a page, and how many of all matched "send invitations" would reach. */
export const registrationPage = (): Schema => {
  const base = page("Registration") as { properties: Schema; required: string[] };
  return {
    ...base,
    properties: {
      ...base.properties,
      invitable: {
        type: "integer",
        description: "Matched people whose invitation is not sent or on its way and whose link is not revoked",
      },
    },
    required: [...base.required, "invitable"],
  };
};

export const componentSchemas: Record<string, Schema> = {
  Error: obj({
    error: obj(
      {
        code: str,
        message: str,
        fields: {
          type: "object",
          additionalProperties: str,
          description: "Each bad field's path and what is wrong with it.",
        },
        retryAfterSeconds: { type: "integer" },
      },
      ["fields", "retryAfterSeconds"],
    ),
  }),
  LocalizedText: {
    description:
      'Text an organizer writes: a string in the event\'s first language, or a text per language such as {"en": "Ticket", "nl": "Toegangsbewijs"}',
    anyOf: [str, { type: "object", properties: { en: str, nl: str }, additionalProperties: false, minProperties: 1 }],
  },
  RegistrationField: {
    type: "object",
    properties: {
      kind: { enum: ["text", "choice", "multi-choice", "consent"] },
      key: str,
      label: ref("LocalizedText"),
      required: { type: "boolean" },
      maxLength: { type: "integer" },
      options: { type: "array", items: str, description: "The values stored in the person's attributes" },
      optionLabels: {
        type: "object",
        additionalProperties: ref("LocalizedText"),
        description: "How each option reads on the form, by option value",
      },
    },
    required: ["kind", "key", "label", "required"],
  },
  PublicRegistrationField: {
    type: "object",
    description: "A form question in one language (the event's `language`)",
    properties: {
      kind: { enum: ["text", "choice", "multi-choice", "consent"] },
      key: str,
      label: str,
      required: { type: "boolean" },
      maxLength: { type: "integer" },
      options: { type: "array", items: str },
      optionLabels: { type: "object", additionalProperties: str, description: "Every option's label, by option value" },
    },
    required: ["kind", "key", "label", "required"],
  },
  AudienceRule: {
    type: "object",
    properties: {
      kind: { enum: ["everyone", "selected", "attributes"] },
      conditions: {
        type: "array",
        items: obj({
          attribute: str,
          op: { enum: ["eq", "neq", "in", "not_in"] },
          values: { type: "array", items: str },
        }),
      },
    },
    required: ["kind"],
  },
  Event: obj(
    {
      id: str,
      slug: str,
      title: ref("LocalizedText"),
      description: ref("LocalizedText"),
      timezone: str,
      startsAt: dateTime,
      endsAt: dateTime,
      inviteLeadMinutes: { type: "integer" },
      invitesAt: dateTime,
      registrationOpen: { type: "boolean" },
      capacity: { ...nullable({ type: "integer" }), description: "At most this many registrations; null: no limit" },
      registrations: { type: "integer", description: "How many registrations it has (in the list only)" },
      defaultLanguage: { enum: ["en", "nl"], description: "The event's first language (languages[0])" },
      languages,
      fields: { type: "array", items: ref("RegistrationField") },
      createdAt: dateTime,
      updatedAt: dateTime,
    },
    ["registrations"],
  ),
  Session: obj({
    id: str,
    eventId: str,
    kind: { enum: ["stage", "breakout", "carousel", "stream-room"] },
    title: ref("LocalizedText"),
    description: ref("LocalizedText"),
    startsAt: dateTime,
    endsAt: dateTime,
    capacity: nullable({ type: "integer" }),
    selectable: { type: "boolean" },
    audience: ref("AudienceRule"),
    parentSessionId: nullable(str),
    streamUrl: nullable(str),
  }),
  Invitation: obj(
    {
      id: str,
      registrationId: str,
      kind: { enum: ["invitation", "confirmation", "link-request"] },
      linkVersion: { type: "integer" },
      state: { enum: ["queued", "sending", "sent", "failed"] },
      dueAt: dateTime,
      attempts: { type: "integer" },
      lastError: nullable(str),
      sentAt: nullable(dateTime),
      createdAt: dateTime,
      registration: obj({ name: str, email: str }),
    },
    ["registration"],
  ),
  Registration: obj({
    id: str,
    eventId: str,
    name: str,
    email: str,
    language: { enum: ["en", "nl"] },
    role: { enum: ["participant", "moderator", "producer"] },
    attributes: { type: "object", additionalProperties: attributeValue },
    selections: { type: "array", items: str },
    linkVersion: { type: "integer" },
    linkStatus: { enum: ["active", "revoked"] },
    invitation: nullable(ref("Invitation")),
    createdAt: dateTime,
    updatedAt: dateTime,
  }),
  ImportReport: obj({
    applied: { type: "boolean" },
    partial: { type: "boolean" },
    counts: obj({
      rows: { type: "integer" },
      created: { type: "integer" },
      updated: { type: "integer" },
      unchanged: { type: "integer" },
      errors: { type: "integer" },
    }),
    rows: {
      type: "array",
      items: obj(
        {
          line: { type: "integer" },
          email: nullable(str),
          status: { enum: ["created", "updated", "unchanged", "error"] },
          errors: { type: "object", additionalProperties: str },
          registrationId: str,
        },
        ["errors", "registrationId"],
      ),
    },
  }),
  ScheduleResult: obj({
    matched: { type: "integer" },
    queued: { type: "integer" },
    rescheduled: { type: "integer" },
    skipped: obj({ alreadySent: { type: "integer" }, inFlight: { type: "integer" }, revoked: { type: "integer" } }),
    sendAt: { type: "string", description: 'ISO date and time, or "lead-time"' },
  }),
  OutboxMessage: obj({
    id: str,
    eventId: nullable(str),
    to: str,
    subject: str,
    text: str,
    html: str,
    createdAt: dateTime,
  }),
  AuditEntry: obj({
    id: { type: "integer" },
    at: dateTime,
    actor: str,
    personId: nullable(str),
    tokenId: nullable(str),
    workspaceId: nullable(str),
    ip: nullable(str),
    action: str,
    eventId: nullable(str),
    target: nullable(str),
    details: { type: "object" },
  }),
  PublicEvent: obj({
    slug: str,
    title: str,
    description: str,
    timezone: str,
    startsAt: dateTime,
    endsAt: dateTime,
    startsAtLocal: str,
    endsAtLocal: str,
    defaultLanguage: { enum: ["en", "nl"] },
    languages,
    language: { enum: ["en", "nl"], description: "The language of the texts: ?lang=, else the event's first" },
    registrationOpen: { type: "boolean" },
    full: {
      type: "boolean",
      description: "Every place is taken (the event's capacity): new registrations get 409 event_full",
    },
    fields: { type: "array", items: ref("PublicRegistrationField") },
    choices: {
      type: "array",
      items: obj({
        id: str,
        kind: str,
        title: str,
        description: str,
        startsAtLocal: str,
        endsAtLocal: str,
        full: { type: "boolean" },
      }),
    },
  }),
  RegistrationResult: obj({
    registration: obj({
      id: str,
      name: str,
      email: str,
      language: { enum: ["en", "nl"] },
      answers: { type: "object", additionalProperties: attributeValue },
      selections: { type: "array", items: str },
    }),
    emailedTo: str,
  }),
  Me: obj({
    registration: obj({ id: str, name: str, email: str, role: str, language: str }),
    event: obj({ id: str, slug: str, title: str, timezone: str, startsAt: dateTime, endsAt: dateTime }),
  }),
  Programme: obj({
    timezone: str,
    language: {
      enum: ["en", "nl"],
      description: "The language of titles and descriptions: ?lang=, else the registration's",
    },
    now: dateTime,
    sessions: {
      type: "array",
      items: obj({
        id: str,
        kind: str,
        title: str,
        description: str,
        startsAt: dateTime,
        endsAt: dateTime,
        startsAtLocal: str,
        endsAtLocal: str,
        status: { enum: ["upcoming", "live", "ended"] },
        selectable: { type: "boolean" },
        selected: { type: "boolean" },
      }),
    },
    liveSessionId: nullable(str),
    nextSessionId: nullable(str),
  }),
};

export { ref };
