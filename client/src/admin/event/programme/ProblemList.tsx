import { For, Show } from "solid-js";
import type { AdminSession } from "../../../../../core/contract/index";
import type { Language } from "../../../../../core/protocol/identity";
import type { ProgrammeProblem } from "../../../../../core/rules/programme-problems";
import { ta } from "../../i18n";
import { sessionTitle } from "./Timeline";

/** What the programme's checks found, each with a way to the block it is about. */
export function ProblemList(props: {
  problems: readonly ProgrammeProblem[];
  sessions: readonly AdminSession[];
  languages: readonly Language[];
  onGo: (sessionId: string) => void;
}) {
  const title = (id: string) => {
    const s = props.sessions.find((x) => x.id === id);
    return s ? sessionTitle(s, props.languages) : id;
  };
  const sentence = (p: ProgrammeProblem): string => {
    switch (p.kind) {
      case "overlap":
        return ta("admin.programme.problem.overlap", { a: title(p.sessionIds[0]), b: title(p.sessionIds[1]) });
      case "orphan":
        return ta(`admin.programme.problem.orphan.${p.reason}`, { a: title(p.sessionId) });
      case "outside":
        return ta("admin.programme.problem.outside", { a: title(p.sessionId) });
      default:
        return p satisfies never;
    }
  };
  const targets = (p: ProgrammeProblem): string[] => (p.kind === "overlap" ? p.sessionIds : [p.sessionId]);
  return (
    <section class="card pg-problems" aria-labelledby="pg-problems-h">
      <h2 id="pg-problems-h">{ta("admin.programme.problems", { count: props.problems.length })}</h2>
      <Show when={props.problems.length > 0} fallback={<p>{ta("admin.programme.problems.none")}</p>}>
        <ul>
          <For each={props.problems}>
            {(p) => (
              <li data-problem={p.kind}>
                <span>{sentence(p)}</span>{" "}
                <For each={targets(p)}>
                  {(id) => (
                    <button type="button" class="link" onClick={() => props.onGo(id)}>
                      {ta("admin.programme.problem.show", { title: title(id) })}
                    </button>
                  )}
                </For>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
