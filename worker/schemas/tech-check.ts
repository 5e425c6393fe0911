import * as v from "valibot";
import { TechCheckIds } from "../../core/contract/index";

/** `POST /api/me/tech-check`: the person's latest result. */
export const TechCheckBody = v.strictObject({
  overall: v.picklist(["pass", "warn", "fail", "skipped"]),
  checks: v.pipe(
    v.array(v.strictObject({ id: v.picklist(TechCheckIds), verdict: v.picklist(["pass", "warn", "fail"]) })),
    v.maxLength(TechCheckIds.length),
  ),
});
