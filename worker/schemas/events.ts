import * as v from "valibot";
import {
  AttributeKey,
  Instant,
  Language,
  LanguageList,
  Localized,
  RequiredText,
  SessionKind,
  TimeZone,
} from "./common";

const RESERVED_KEYS = ["name", "email", "language", "role", "selections", "sessions", "id"];

const FieldKey = v.pipe(
  AttributeKey,
  v.check((k) => !RESERVED_KEYS.includes(k), `must not be one of ${RESERVED_KEYS.join(", ")}`),
);
const Options = v.pipe(
  v.array(RequiredText(100), "must be a list of options"),
  v.minLength(1, "needs at least one option"),
  v.maxLength(50, "at most 50 options"),
  v.check((o) => new Set(o).size === o.length, "options must be unique"),
);
const base = { key: FieldKey, label: Localized(200), required: v.optional(v.boolean("must be true or false"), false) };
/** How each option reads on the form, by option value; an option without one shows its value. */
const OptionLabels = v.optional(v.record(v.string(), Localized(100), "must be an object of labels by option"));

export const RegistrationFieldSchema = v.variant(
  "kind",
  [
    v.object({
      kind: v.literal("text"),
      ...base,
      maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2000))),
    }),
    v.object({ kind: v.literal("choice"), ...base, options: Options, optionLabels: OptionLabels }),
    v.object({ kind: v.literal("multi-choice"), ...base, options: Options, optionLabels: OptionLabels }),
    v.object({ kind: v.literal("consent"), ...base }),
  ],
  "kind must be text, choice, multi-choice or consent",
);

export const Fields = v.pipe(
  v.array(RegistrationFieldSchema, "must be a list of fields"),
  v.maxLength(30, "at most 30 fields"),
  v.check((fs) => new Set(fs.map((f) => f.key)).size === fs.length, "field keys must be unique"),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    dataset.value.forEach((field, index) => {
      if (field.kind !== "choice" && field.kind !== "multi-choice") return;
      for (const option of Object.keys(field.optionLabels ?? {})) {
        if (field.options.includes(option)) continue;
        // Named down to the label's key (`fields.0.optionLabels.gold`), like valibot's own issues.
        const step = (input: unknown, key: string | number, value: unknown) =>
          ({ type: "object", origin: "value", input, key, value }) as const;
        addIssue({
          message: `is not one of the options (${field.options.join(", ")})`,
          path: [
            step(dataset.value, index, field),
            step(field, "optionLabels", field.optionLabels),
            step(field.optionLabels, option, field.optionLabels![option]),
          ] as never,
        });
      }
    });
  }),
);

const Slug = v.pipe(
  v.string("is required"),
  v.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "must be 1–64 of a-z 0-9 and -, not starting or ending with -"),
  v.check((s) => !s.startsWith("evt_"), "must not start with evt_"),
);

const LeadMinutes = v.pipe(
  v.number("must be a number of minutes"),
  v.integer("must be whole minutes"),
  v.minValue(0),
  v.maxValue(43_200, "must be at most 30 days"),
);

/** An event's registrations at most; null: no limit. */
const EventCapacity = v.nullable(
  v.pipe(
    v.number("must be a number"),
    v.integer("must be a whole number"),
    v.minValue(1, "must be at least 1"),
    v.maxValue(1_000_000),
  ),
);

const eventEntries = {
  slug: Slug,
  title: Localized(200),
  description: v.optional(Localized(5000, false), ""),
  timezone: v.optional(TimeZone, "UTC"),
  startsAt: Instant,
  endsAt: Instant,
  inviteLeadMinutes: v.optional(LeadMinutes, 180),
  registrationOpen: v.optional(v.boolean("must be true or false"), true),
  capacity: v.optional(EventCapacity, null),
  /** The event's first language; with `languages`, it must be their first. */
  defaultLanguage: v.optional(Language),
  /** Default: every language Foyer speaks, `defaultLanguage` first. */
  languages: v.optional(LanguageList),
  fields: v.optional(Fields, []),
};

/** Whether the end follows the start is checked by the route, which also knows stored values. */
export const EventCreate = v.strictObject(
  {
    ...eventEntries,
    /** The workspace to create it in; optional when the caller can create events in one workspace only. */
    workspaceId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  },
  "must be an event object",
);

export const EventUpdate = v.strictObject(
  {
    slug: v.optional(Slug),
    title: v.optional(Localized(200)),
    description: v.optional(Localized(5000, false)),
    timezone: v.optional(TimeZone),
    startsAt: v.optional(Instant),
    endsAt: v.optional(Instant),
    inviteLeadMinutes: v.optional(LeadMinutes),
    registrationOpen: v.optional(v.boolean("must be true or false")),
    capacity: v.optional(EventCapacity),
    defaultLanguage: v.optional(Language),
    languages: v.optional(LanguageList),
    fields: v.optional(Fields),
  },
  "must be an object with the fields to change",
);

/** `POST /api/admin/events/:eventId/duplicate`: the copy's own address, start and (optionally) title. */
export const EventDuplicate = v.strictObject(
  {
    slug: Slug,
    title: v.optional(Localized(200)),
    startsAt: Instant,
    /** The workspace to put the copy in; the original's when left out. */
    workspaceId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  },
  "must be an object with the copy's slug and start",
);

const Condition = v.strictObject({
  attribute: AttributeKey,
  op: v.picklist(["eq", "neq", "in", "not_in"], "must be eq, neq, in or not_in"),
  values: v.pipe(
    v.array(v.pipe(v.string(), v.maxLength(200))),
    v.minLength(1, "needs at least one value"),
    v.maxLength(50),
  ),
});

export const AudienceRuleSchema = v.variant(
  "kind",
  [
    v.strictObject({ kind: v.literal("everyone") }),
    v.strictObject({ kind: v.literal("selected") }),
    v.strictObject({
      kind: v.literal("attributes"),
      conditions: v.pipe(v.array(Condition), v.minLength(1), v.maxLength(10)),
    }),
  ],
  "kind must be everyone, selected or attributes",
);

const Capacity = v.nullable(
  v.pipe(v.number("must be a number"), v.integer(), v.minValue(1, "must be at least 1"), v.maxValue(1_000_000)),
);
const StreamUrl = v.nullable(
  v.pipe(v.string(), v.url("must be a URL"), v.regex(/^https?:\/\//, "must be an http(s) URL"), v.maxLength(2000)),
);
const Ref = v.nullable(v.pipe(v.string(), v.maxLength(64)));

export const SessionCreate = v.strictObject({
  kind: SessionKind,
  title: Localized(200),
  description: v.optional(Localized(5000, false), ""),
  startsAt: Instant,
  endsAt: Instant,
  capacity: v.optional(Capacity, null),
  selectable: v.optional(v.boolean("must be true or false"), false),
  audience: v.optional(AudienceRuleSchema, { kind: "everyone" }),
  parentSessionId: v.optional(Ref, null),
  streamUrl: v.optional(StreamUrl, null),
});

export const SessionUpdate = v.strictObject({
  kind: v.optional(SessionKind),
  title: v.optional(Localized(200)),
  description: v.optional(Localized(5000, false)),
  startsAt: v.optional(Instant),
  endsAt: v.optional(Instant),
  capacity: v.optional(Capacity),
  selectable: v.optional(v.boolean("must be true or false")),
  audience: v.optional(AudienceRuleSchema),
  parentSessionId: v.optional(Ref),
  streamUrl: v.optional(StreamUrl),
});
