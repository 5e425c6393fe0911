import type { RegistrationField } from "../../core/contract/index";
import { ruleConflicts } from "../../core/rules/form";
import type { Db } from "../../server/db/client";
import type { EventRow } from "../../server/db/schema";
import { sessionsOf } from "../../server/db/sessions";
import { ApiError, ErrorCode } from "../../server/errors";
import { textOf } from "../../server/texts";

/**
 * Refuses a new registration form that would silently change who sees a session: a question an
 * audience rule uses is gone (removed, or its key changed), or an option the rule names is. 409,
 * naming every session, so the organizer changes those rules first (or keeps the question).
 * Checked against the sessions as they are now; a rule saved in the same instant is not seen.
 */
export async function refuseRuleBreaks(db: Db, event: EventRow, next: readonly RegistrationField[]): Promise<void> {
  const sessions = (await sessionsOf(db, event.id)).map((s) => ({
    id: s.id,
    title: textOf(s, "title", event.defaultLanguage, event.languages),
    audience: s.audience,
  }));
  const conflicts = ruleConflicts(event.fields, next, sessions);
  if (conflicts.length === 0) return;
  const named = (c: (typeof conflicts)[number]) => c.sessions.map((s) => `"${String(s.title)}"`).join(", ");
  const fields: Record<string, string> = {};
  const lines: string[] = [];
  for (const c of conflicts) {
    const index = next.findIndex((f) => f.key === c.key);
    const said =
      c.option === undefined
        ? `the question "${c.key}" is used by the audience rule of ${named(c)}`
        : `the option "${c.option}" of "${c.key}" is used by the audience rule of ${named(c)}`;
    lines.push(said);
    // A removed question has no place in the new list: the list itself is named.
    const path = index < 0 ? "fields" : `fields.${index}.options`;
    fields[path] = fields[path] ? `${fields[path]}; ${said}` : said;
  }
  throw new ApiError(
    409,
    ErrorCode.conflict,
    `This change to the form would change who sees sessions: ${lines.join("; ")}. Change those audience rules first.`,
    fields,
  );
}
