import type { ImportRowProblem } from "../../../../../core/contract/imports";
import { ImportProblemCodes } from "../../../../../core/contract/imports";
import { ta } from "../../i18n";

/**
 * A refused row's reason in the console's language, by the server's code; the server's English
 * only for a code this console does not know yet (a newer server).
 */
export function problemText(problem: Pick<ImportRowProblem, "code" | "params" | "reason">): string {
  if (!(ImportProblemCodes as readonly string[]).includes(problem.code)) return problem.reason;
  return ta(`admin.imports.problem.${problem.code}`, problem.params ?? {});
}
