import { createEffect, createSignal, createUniqueId, For, Index, Match, on, onCleanup, Show, Switch } from "solid-js";
import type { AttributeCondition, AudienceRule, RegistrationField } from "../../../../../core/contract/index";
import type { AudienceCount } from "../../../../../core/contract/programme";
import type { Language, SessionKind } from "../../../../../core/protocol/identity";
import { textIn } from "../../../../../core/protocol/localized";
import { language } from "../../../i18n";
import { adminPost } from "../../api";
import { errorText } from "../../errors";
import { ta } from "../../i18n";

const OPS = ["in", "not_in", "eq", "neq"] as const;
const KINDS = ["everyone", "selected", "attributes"] as const;
/** Wait for a pause in the typing before counting: one request per thought, not per key. */
const DEBOUNCE_MS = 350;

/** A rule the server would accept: conditions each with an attribute and a value. */
export const ruleComplete = (rule: AudienceRule): boolean =>
  rule.kind !== "attributes" ||
  (rule.conditions.length > 0 && rule.conditions.every((c) => c.attribute !== "" && c.values.length > 0));

const numberText = (n: number) => new Intl.NumberFormat(language()).format(n);

/**
 * Who sees a session: everyone, those who chose it, or people whose registration answers meet
 * every condition. While it is edited, how many of the current registrations it reaches, counted
 * by the server with the portal's own test.
 */
export function AudienceEditor(props: {
  eventId: string;
  rule: AudienceRule;
  kind: SessionKind;
  sessionId: string | undefined;
  fields: readonly RegistrationField[];
  languages: readonly Language[];
  canCount: boolean;
  error: (field: string) => string | undefined;
  onChange: (rule: AudienceRule) => void;
}) {
  const id = createUniqueId();
  const [reach, setReach] = createSignal<AudienceCount>();
  const [reachError, setReachError] = createSignal<unknown>();
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  createEffect(
    on(
      () => [JSON.stringify(props.rule), props.kind, props.sessionId] as const,
      () => {
        clearTimeout(timer);
        const rule = props.rule;
        if (!props.canCount || props.kind === "stream-room" || !ruleComplete(rule)) return;
        const mine = ++asked;
        timer = setTimeout(async () => {
          try {
            const body = { rule, kind: props.kind, ...(props.sessionId ? { sessionId: props.sessionId } : {}) };
            const count = await adminPost<AudienceCount>(
              `/api/admin/events/${encodeURIComponent(props.eventId)}/audience/count`,
              body,
            );
            if (mine === asked) {
              setReach(count);
              setReachError(undefined);
            }
          } catch (err) {
            if (mine === asked) setReachError(err);
          }
        }, DEBOUNCE_MS);
      },
    ),
  );

  const conditions = () => (props.rule.kind === "attributes" ? props.rule.conditions : []);
  const setConditions = (next: AttributeCondition[]) => props.onChange({ kind: "attributes", conditions: next });
  const change = (i: number, patch: Partial<AttributeCondition>) =>
    setConditions(conditions().map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const fieldOf = (key: string) => props.fields.find((f) => f.key === key);
  const labelOf = (f: RegistrationField) => textIn(f.label, language(), props.languages) || f.key;
  const optionLabel = (f: RegistrationField, option: string) =>
    f.kind === "choice" || f.kind === "multi-choice"
      ? textIn(f.optionLabels?.[option], language(), props.languages) || option
      : option;
  const firstKey = () => props.fields[0]?.key ?? "";

  const pick = (kind: (typeof KINDS)[number]) => {
    if (kind === "attributes") {
      props.onChange({
        kind,
        conditions: conditions().length ? conditions() : [{ attribute: firstKey(), op: "in", values: [] }],
      });
    } else props.onChange({ kind });
  };

  return (
    <fieldset class="pg-audience">
      <legend>{ta("admin.programme.audience")}</legend>
      <For each={KINDS}>
        {(kind) => (
          <label class="pg-radio">
            <input
              type="radio"
              name={`${id}-kind`}
              value={kind}
              checked={props.rule.kind === kind}
              onChange={() => pick(kind)}
            />
            {ta(`admin.programme.audience.${kind}`)}
          </label>
        )}
      </For>
      <Show when={props.rule.kind === "attributes"}>
        <Show when={props.fields.length === 0}>
          <p class="pg-note">{ta("admin.programme.audience.noFields")}</p>
        </Show>
        <ol class="pg-conditions">
          <Index each={conditions()}>
            {(c, i) => {
              const field = () => fieldOf(c().attribute);
              const options = () => {
                const f = field();
                return f && (f.kind === "choice" || f.kind === "multi-choice")
                  ? f.options
                  : f?.kind === "consent"
                    ? ["yes", "no"]
                    : undefined;
              };
              const n = i + 1;
              const valuesError = () => props.error(`audience.conditions.${i}.values`);
              return (
                <li class="pg-condition">
                  <div class="field">
                    <label for={`${id}-attr-${i}`}>{ta("admin.programme.condition.attribute", { n })}</label>
                    <select
                      id={`${id}-attr-${i}`}
                      value={c().attribute}
                      onChange={(e) => change(i, { attribute: e.currentTarget.value, values: [] })}
                    >
                      <Show when={!field() && c().attribute}>
                        <option value={c().attribute}>{c().attribute}</option>
                      </Show>
                      <For each={props.fields}>{(f) => <option value={f.key}>{labelOf(f)}</option>}</For>
                    </select>
                  </div>
                  <div class="field">
                    <label for={`${id}-op-${i}`}>{ta("admin.programme.condition.op", { n })}</label>
                    <select
                      id={`${id}-op-${i}`}
                      value={c().op}
                      onChange={(e) => change(i, { op: e.currentTarget.value as AttributeCondition["op"] })}
                    >
                      <For each={OPS}>{(op) => <option value={op}>{ta(`admin.programme.op.${op}`)}</option>}</For>
                    </select>
                  </div>
                  <Switch>
                    <Match when={options()}>
                      {(list) => (
                        <fieldset class="pg-values" aria-describedby={valuesError() ? `${id}-values-${i}` : undefined}>
                          <legend>{ta("admin.programme.condition.values", { n })}</legend>
                          <For each={list()}>
                            {(option) => (
                              <label class="pg-check">
                                <input
                                  type="checkbox"
                                  checked={c().values.includes(option)}
                                  onChange={(e) =>
                                    change(i, {
                                      values: e.currentTarget.checked
                                        ? [...c().values, option]
                                        : c().values.filter((v) => v !== option),
                                    })
                                  }
                                />
                                {field() ? optionLabel(field()!, option) : option}
                              </label>
                            )}
                          </For>
                        </fieldset>
                      )}
                    </Match>
                    <Match when={!options()}>
                      <div class="field">
                        <label for={`${id}-values-in-${i}`}>{ta("admin.programme.condition.typed", { n })}</label>
                        <input
                          id={`${id}-values-in-${i}`}
                          value={c().values.join(", ")}
                          aria-describedby={valuesError() ? `${id}-values-${i}` : undefined}
                          onChange={(e) =>
                            change(i, {
                              values: e.currentTarget.value
                                .split(",")
                                .map((v) => v.trim())
                                .filter((v) => v !== ""),
                            })
                          }
                        />
                      </div>
                    </Match>
                  </Switch>
                  <Show when={valuesError()}>
                    <p id={`${id}-values-${i}`} class="field-error">
                      {valuesError()}
                    </p>
                  </Show>
                  <button
                    type="button"
                    class="link"
                    disabled={conditions().length === 1}
                    onClick={() => setConditions(conditions().filter((_, j) => j !== i))}
                  >
                    {ta("admin.programme.condition.remove", { n })}
                  </button>
                </li>
              );
            }}
          </Index>
        </ol>
        <Show when={conditions().length < 10 && props.fields.length > 0}>
          <button
            type="button"
            onClick={() => setConditions([...conditions(), { attribute: firstKey(), op: "in", values: [] }])}
          >
            {ta("admin.programme.condition.add")}
          </button>
        </Show>
        <p class="pg-note">{ta("admin.programme.audience.allMust")}</p>
      </Show>
      <div class="pg-reach" role="status">
        <Switch>
          <Match when={props.kind === "stream-room"}>{ta("admin.programme.reach.streamRoom")}</Match>
          <Match when={!props.canCount}>{null}</Match>
          <Match when={!ruleComplete(props.rule)}>{ta("admin.programme.reach.incomplete")}</Match>
          <Match when={reachError()}>{(err) => <>{errorText(err())}</>}</Match>
          <Match when={reach()}>
            {/* JSX, not a bare call: a Match's child function runs once, its JSX stays live. */}
            {(r) => (
              <>
                {ta("admin.programme.reach", {
                  reached: numberText(r().reached),
                  total: numberText(r().total),
                })}
              </>
            )}
          </Match>
        </Switch>
      </div>
      <Show when={props.kind !== "stream-room" && props.rule.kind === "selected"}>
        <p class="pg-note">{ta("admin.programme.reach.selectedNote")}</p>
      </Show>
    </fieldset>
  );
}
