import * as v from "valibot";
import { AttributeKey, LanguageQuery, Paging } from "./common";

export const DirectoryQuery = v.object({
  /** Matches name or organisation, ignoring case and accents. */
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, "must be at most 100 characters"))),
  ...Paging,
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d+$/, "must be a number"), v.transform(Number), v.minValue(1), v.maxValue(50)),
    "20",
  ),
  /** The language of the attributes' labels (the person's own by default). */
  ...LanguageQuery.entries,
});

export const PreferencesPatch = v.pipe(
  v.strictObject({
    listed: v.optional(v.boolean("must be true or false")),
    invitations: v.optional(v.boolean("must be true or false")),
  }),
  v.check((b) => b.listed !== undefined || b.invitations !== undefined, "change listed, invitations or both"),
);

export const NetworkingSettingsBody = v.strictObject({
  organisationAttribute: v.optional(AttributeKey, "organisation"),
  /** A few attributes shown on directory cards (besides name and organisation). */
  directoryAttributes: v.pipe(v.array(AttributeKey), v.maxLength(5, "at most 5 attributes")),
});
