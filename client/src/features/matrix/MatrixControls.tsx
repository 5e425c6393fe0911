import { createResource, createSignal, For, Show } from "solid-js";
import type { MatrixConfig, PersonRef } from "../../../../core/protocol";
import { MatrixLimits } from "../../../../core/protocol";
import type { MeResponse, ProgrammeResponse, PublicEvent } from "../../../../core/contract/index";
import { language, t, withChosenLanguage } from "../../i18n";
import { api } from "../../lib/api";
import { ErrorNote } from "../session/ErrorNote";
import type { LiveSession } from "../session/live";
import { useAction } from "../session/useAction";
import { attributeKey, fieldFor, matrixValues, valuesHint } from "./values";

const clamp = (n: number, min: number, max: number) =>
  Math.min(max, Math.max(min, Number.isFinite(n) ? Math.round(n) : min));

/**
 * The moderator's matrix controls: who may appear (people here or in chosen breakouts, who opted
 * in, optionally only those with an attribute value), how many a page and how often it turns; who
 * is on screen now, with a way to take anyone off at once. Producers see the same, read-only.
 */
export function MatrixControls(props: { live: LiveSession; moderator: boolean; maxTiles: number }) {
  const act = useAction(props.live);
  const matrix = () => props.live.state.matrix;
  const config = (): MatrixConfig =>
    matrix()?.config ?? { active: false, source: { kind: "here" }, conditions: [], pageSize: 9, rotateSeconds: 20 };
  const [programme] = createResource(() => api<ProgrammeResponse>(withChosenLanguage("/api/me/programme")));
  // The event's form, in the moderator's language: the filter suggests its questions and labels.
  const [questions] = createResource(language, async (lang) => {
    const me = await api<MeResponse>("/api/me");
    return (await api<PublicEvent>(`/api/events/${encodeURIComponent(me.event.slug)}?lang=${lang}`)).fields;
  });
  const field = () => fieldFor(attribute(), questions() ?? []);
  const breakouts = () => (programme()?.sessions ?? []).filter((s) => s.kind === "breakout");
  const initial = config().source;
  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(
    new Set(initial.kind === "sessions" ? initial.sessionIds : []),
  );
  const [fromBreakouts, setFromBreakouts] = createSignal(config().source.kind === "sessions");
  const [attribute, setAttribute] = createSignal(config().conditions[0]?.attribute ?? "");
  const [values, setValues] = createSignal(config().conditions[0]?.values.join(", ") ?? "");

  const apply = (active: boolean, e?: SubmitEvent) => {
    e?.preventDefault();
    const form = e?.currentTarget as HTMLFormElement | undefined;
    const number = (name: string, fallback: number) =>
      Number((form?.elements.namedItem(name) as HTMLInputElement | null)?.value ?? fallback);
    const list = matrixValues(values(), field());
    const key = attributeKey(attribute(), questions() ?? []);
    void act.run({
      type: "matrix/configure",
      active,
      source: fromBreakouts() && chosen().size > 0 ? { kind: "sessions", sessionIds: [...chosen()] } : { kind: "here" },
      conditions: key && list.length > 0 ? [{ attribute: key, op: "in", values: list }] : [],
      pageSize: clamp(number("matrix-page-size", config().pageSize), 1, props.maxTiles),
      rotateSeconds: (() => {
        const s = clamp(number("matrix-rotate", config().rotateSeconds), 0, MatrixLimits.maxRotateSeconds);
        return s === 0 ? 0 : Math.max(MatrixLimits.minRotateSeconds, s);
      })(),
    });
  };
  const toggle = (id: string, on: boolean) =>
    setChosen((s) => new Set([...s].filter((x) => x !== id).concat(on ? [id] : [])));

  return (
    <section
      class="card stagedoor"
      aria-labelledby="matrix-heading"
      data-matrix-active={config().active ? "yes" : "no"}
    >
      <h3 id="matrix-heading">{t("matrix.heading")}</h3>
      <p role="status" class="small">
        {config().active
          ? t("matrix.status", {
              page: (matrix()?.page ?? 0) + 1,
              pages: matrix()?.pages ?? 1,
              total: matrix()?.total ?? 0,
            })
          : t("matrix.off")}
      </p>
      <People
        heading={t("matrix.onScreen")}
        people={matrix()?.tiles ?? []}
        moderator={props.moderator}
        action={t("matrix.remove")}
        label={(name) => t("matrix.removeWho", { name })}
        onAct={(id) => void act.run({ type: "matrix/remove", registrationId: id, removed: true })}
      />
      <Show when={props.moderator}>
        <Show when={config().active && (matrix()?.pages ?? 1) > 1}>
          <button type="button" class="secondary" onClick={() => void act.run({ type: "matrix/page" })}>
            {t("matrix.nextPage")}
          </button>
        </Show>
        <form class="matrix-form" onSubmit={(e) => apply(true, e)}>
          <fieldset>
            <legend>{t("matrix.source")}</legend>
            <label class="check">
              <input
                type="radio"
                name="matrix-source"
                checked={!fromBreakouts()}
                onChange={() => setFromBreakouts(false)}
              />
              {t("matrix.source.here")}
            </label>
            <label class="check">
              <input
                type="radio"
                name="matrix-source"
                checked={fromBreakouts()}
                onChange={() => setFromBreakouts(true)}
                disabled={breakouts().length === 0}
              />
              {t("matrix.source.breakouts")}
            </label>
            <Show when={fromBreakouts()}>
              <For each={breakouts()}>
                {(s) => (
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={chosen().has(s.id)}
                      onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                    />
                    {s.title}
                  </label>
                )}
              </For>
            </Show>
          </fieldset>
          <div class="grid2">
            <div>
              <label for="matrix-attribute">{t("matrix.attribute")}</label>
              <input
                id="matrix-attribute"
                type="text"
                value={attribute()}
                onInput={(e) => setAttribute(e.currentTarget.value)}
                placeholder={fieldFor("", questions() ?? [])?.label ?? ""}
                autocomplete="off"
              />
            </div>
            <div>
              <label for="matrix-values">{t("matrix.values")}</label>
              <input
                id="matrix-values"
                type="text"
                value={values()}
                onInput={(e) => setValues(e.currentTarget.value)}
                placeholder={valuesHint(field())}
                autocomplete="off"
              />
            </div>
            <div>
              <label for="matrix-page-size">{t("matrix.pageSize", { max: props.maxTiles })}</label>
              <input
                id="matrix-page-size"
                name="matrix-page-size"
                type="number"
                min="1"
                max={props.maxTiles}
                value={Math.min(config().pageSize, props.maxTiles)}
              />
            </div>
            <div>
              <label for="matrix-rotate">{t("matrix.rotate")}</label>
              <input
                id="matrix-rotate"
                name="matrix-rotate"
                type="number"
                min="0"
                max={MatrixLimits.maxRotateSeconds}
                value={config().rotateSeconds}
                aria-describedby="matrix-rotate-hint"
              />
              <span id="matrix-rotate-hint" class="muted small">
                {t("matrix.rotateHint")}
              </span>
            </div>
          </div>
          <div class="toolbar">
            <button type="submit" class="primary" disabled={act.busy()}>
              {config().active ? t("matrix.update") : t("matrix.show")}
            </button>
            <Show when={config().active}>
              <button type="button" class="secondary" disabled={act.busy()} onClick={() => apply(false)}>
                {t("matrix.stop")}
              </button>
            </Show>
          </div>
        </form>
      </Show>
      <People
        heading={t("matrix.removed")}
        people={matrix()?.removed ?? []}
        moderator={props.moderator}
        action={t("matrix.allow")}
        label={(name) => t("matrix.allowWho", { name })}
        onAct={(id) => void act.run({ type: "matrix/remove", registrationId: id, removed: false })}
      />
      <ErrorNote text={act.error()} />
    </section>
  );
}

/** A list of people with one action each (moderators only): who is on screen, who was removed. */
function People(props: {
  heading: string;
  people: readonly PersonRef[];
  moderator: boolean;
  action: string;
  label: (name: string) => string;
  onAct: (registrationId: string) => void;
}) {
  return (
    <Show when={props.people.length > 0}>
      <h4>{props.heading}</h4>
      <ul class="matrix-people" aria-label={props.heading}>
        <For each={props.people}>
          {(p) => (
            <li data-registration-id={p.registrationId}>
              {p.name}
              <Show when={props.moderator}>
                <button
                  type="button"
                  class="small secondary"
                  aria-label={props.label(p.name)}
                  onClick={() => props.onAct(p.registrationId)}
                >
                  {props.action}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
