import * as v from "valibot";
import { Languages, Roles, SessionKinds, type Language as LanguageCode } from "../../core/protocol/identity";
import { isValidTimeZone } from "../../server/time";

/**
 * Building blocks for request schemas. The same schemas validate requests and describe them in
 * the OpenAPI document (worker/openapi/), so the two cannot drift apart.
 */

/** An ISO 8601 instant with its offset: "2026-11-25T14:00:00+01:00" or "…Z". */
export const Instant = v.pipe(
  v.string("must be a date and time"),
  v.regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
    "must be an ISO 8601 date and time with an offset, e.g. 2026-11-25T14:00:00+01:00",
  ),
  v.check((s) => !Number.isNaN(Date.parse(s)), "is not a real date"),
  v.description("ISO 8601 date and time with offset"),
);
export const toMillis = (instant: string) => Date.parse(instant);

export const TimeZone = v.pipe(
  v.string(),
  v.check(isValidTimeZone, "must be an IANA time zone such as Europe/Amsterdam"),
);
export const Language = v.picklist(Languages, `must be one of ${Languages.join(", ")}`);
export const Role = v.picklist(Roles, `must be one of ${Roles.join(", ")}`);
export const SessionKind = v.picklist(SessionKinds, `must be one of ${SessionKinds.join(", ")}`);

export const Text = (max: number, what = "text") =>
  v.pipe(v.string(`must be ${what}`), v.maxLength(max, `must be at most ${max} characters`));
export const RequiredText = (max: number) =>
  v.pipe(
    v.string("is required"),
    v.trim(),
    v.minLength(1, "is required"),
    v.maxLength(max, `must be at most ${max} characters`),
  );

/**
 * A name that ends up in e-mail headers, calendar files and CSV rows: one line, no control
 * characters (the public form and the CSV import refuse them the same way).
 */
export const NameText = (max: number) =>
  v.pipe(RequiredText(max), v.regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain line breaks or control characters"));

/**
 * Text an organizer writes, in the event's first language (a plain string) or per language
 * (`{ "en": "Ticket", "nl": "Toegangsbewijs" }`, at least one). Each text is checked like a plain
 * one, and a problem is named down to its language (`fields.2.label.nl`).
 */
export const Localized = (max: number, required = true) => {
  const one = required ? RequiredText(max) : Text(max);
  const perLanguage = v.pipe(
    v.objectWithRest(
      Object.fromEntries(Languages.map((l) => [l, v.optional(one)])) as Record<
        LanguageCode,
        v.OptionalSchema<typeof one, undefined>
      >,
      v.never(`is not a language of Foyer (${Languages.join(", ")})`),
      "must be a text, or an object with a text per language",
    ),
    v.check(
      (o) => Object.values(o).some((t) => t !== undefined),
      `needs a text in at least one language (${Languages.join(", ")})`,
    ),
  );
  return v.pipe(
    v.union(
      [one, perLanguage],
      `must be a text, or an object with a text per language such as {"${Languages[0]}": "…", "${Languages[1]}": "…"}`,
    ),
    v.description("A text in the event's first language, or an object with a text per language"),
  );
};

/** The languages an event is held in, its first language first. */
export const LanguageList = v.pipe(
  v.array(Language, "must be a list of languages"),
  v.minLength(1, "needs at least one language"),
  v.check((l) => new Set(l).size === l.length, "must not repeat a language"),
);

/** `?lang=`: which language organizer-written texts come in (the person's own by default). */
export const LanguageQuery = v.object({ lang: v.optional(Language) });

export const Email = v.pipe(
  v.string("is required"),
  v.trim(),
  v.minLength(1, "is required"),
  v.maxLength(254, "must be at most 254 characters"),
);

export const AttributeKey = v.pipe(
  v.string(),
  v.regex(/^[a-z][a-z0-9_]{0,39}$/, "keys are 1–40 of a-z 0-9 _ and start with a letter"),
);
export const AttributeValue = v.union(
  [v.pipe(v.string(), v.maxLength(500)), v.pipe(v.array(v.pipe(v.string(), v.maxLength(500))), v.maxLength(50))],
  "must be text or a list of texts",
);
export const Attributes = v.pipe(
  v.record(AttributeKey, AttributeValue, "must be an object of attributes"),
  v.check((r) => Object.keys(r).length <= 50, "at most 50 attributes"),
);

export const IdList = (max: number) =>
  v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(max, `at most ${max} items`));

/** `?limit=` (1–200, default 50) and an opaque `?cursor=` from the previous page. */
export const Paging = {
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, "must be a number"), v.transform(Number), v.minValue(1), v.maxValue(200)),
    "50",
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
};
