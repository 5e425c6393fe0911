import * as v from "valibot";

const Hex = v.pipe(
  v.string("must be a colour like #1f3a5f"),
  v.trim(),
  v.regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1f3a5f"),
  v.toLowerCase(),
);

/** Both colours, or both null for Foyer's own (they are checked as a pair: the accent sits on the background). */
export const BrandingColoursBody = v.pipe(
  v.strictObject({ accent: v.nullable(Hex), background: v.nullable(Hex) }),
  v.forward(
    v.check((b) => (b.accent === null) === (b.background === null), "is needed with the other colour (or both null)"),
    ["accent"],
  ),
);
