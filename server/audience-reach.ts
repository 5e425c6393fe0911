import type { AudienceCount } from "../core/contract/programme";
import type { AudienceGroup } from "./db/programme";
import type { ProgrammeSessionRow } from "./db/schema";
import { inProgramme } from "./programme";

/**
 * How many registrations would see `session`: the very test `/api/me/programme` applies to each
 * person (`inProgramme`), so the console's count and the portal can never disagree.
 */
export function audienceReach(
  groups: readonly AudienceGroup[],
  session: Pick<ProgrammeSessionRow, "id" | "kind" | "audience">,
): AudienceCount {
  let reached = 0;
  let total = 0;
  for (const g of groups) {
    total += g.people;
    if (inProgramme(session, g)) reached += g.people;
  }
  return { reached, total };
}
