import { createSignal, For, Index, Show } from "solid-js";
import { CarouselLimits, type CarouselRule, type CarouselView } from "../../../../core/protocol";
import { t } from "../../i18n";
import type { Carousel } from "./carousel";
import { ConfirmDialog } from "../../components/ConfirmDialog";

/**
 * Moderators run the carousel: start and stop it, set the round and break lengths (from the next
 * round on) and the matching rules, and see how many are here. The server checks the role again.
 */
export default function CarouselModerator(props: {
  view: CarouselView;
  act: (frame: Parameters<Carousel["mutate"]>[0]) => Promise<void>;
}) {
  const [roundMinutes, setRoundMinutes] = createSignal(props.view.roundMinutes);
  const [breakSeconds, setBreakSeconds] = createSignal(props.view.breakSeconds);
  const [rules, setRules] = createSignal<CarouselRule[]>(props.view.rules);
  const [saved, setSaved] = createSignal(false);
  const [confirmStop, setConfirmStop] = createSignal(false);
  const idle = () => props.view.phase === "idle";
  const setRule = (i: number, rule: Partial<CarouselRule>) =>
    setRules((list) => list.map((r, j) => (j === i ? { ...r, ...rule } : r)));
  const save = async () => {
    setSaved(false);
    await props.act({
      type: "carousel/configure",
      roundMinutes: roundMinutes(),
      breakSeconds: breakSeconds(),
      rules: rules().filter((r) => r.attribute.trim() !== ""),
    });
    setSaved(true);
  };
  return (
    <section class="carousel-mod" aria-labelledby="carousel-mod-heading">
      <h3 id="carousel-mod-heading">{t("carousel.mod.title")}</h3>
      <div class="carousel-mod-actions">
        {/* One button that changes with the phase: focus stays on it when a stop is confirmed. */}
        <button
          type="button"
          class={idle() ? "primary" : "danger"}
          aria-haspopup={idle() ? undefined : "dialog"}
          onClick={() => (idle() ? void props.act({ type: "carousel/start" }) : setConfirmStop(true))}
        >
          {idle() ? t("carousel.mod.start") : t("carousel.mod.stop")}
        </button>
      </div>
      {/* Stopping ends every conversation at once, for everyone: asked first. */}
      <ConfirmDialog
        open={confirmStop() && !idle()}
        title={t("carousel.mod.stopConfirm.title")}
        body={t("carousel.mod.stopConfirm.body", { paired: props.view.counts.paired })}
        confirm={t("carousel.mod.stopConfirm.confirm")}
        cancel={t("carousel.mod.stopConfirm.cancel")}
        onConfirm={() => {
          setConfirmStop(false);
          void props.act({ type: "carousel/stop" });
        }}
        onCancel={() => setConfirmStop(false)}
      />
      <Show when={props.view.counts.away > 0}>
        <p class="muted">{t("carousel.mod.away", { away: props.view.counts.away })}</p>
      </Show>
      <fieldset>
        <label>
          {t("carousel.mod.round")}
          <input
            type="number"
            min={CarouselLimits.minRoundMinutes}
            max={CarouselLimits.maxRoundMinutes}
            value={roundMinutes()}
            onInput={(e) => setRoundMinutes(e.currentTarget.valueAsNumber)}
          />
        </label>
        <label>
          {t("carousel.mod.break")}
          <input
            type="number"
            min={CarouselLimits.minBreakSeconds}
            max={CarouselLimits.maxBreakSeconds}
            step={5}
            value={breakSeconds()}
            onInput={(e) => setBreakSeconds(e.currentTarget.valueAsNumber)}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t("carousel.mod.rules")}</legend>
        <Index each={rules()}>
          {(rule, i) => (
            <div class="carousel-rule">
              <label>
                {t("carousel.mod.attribute", { n: i + 1 })}
                <input
                  type="text"
                  value={rule().attribute}
                  maxLength={40}
                  pattern="[A-Za-z0-9_.\-]+"
                  onInput={(e) => setRule(i, { attribute: e.currentTarget.value.trim() })}
                />
              </label>
              <label>
                {t("carousel.mod.mode", { n: i + 1 })}
                <select
                  value={rule().mode}
                  onChange={(e) => setRule(i, { mode: e.currentTarget.value as CarouselRule["mode"] })}
                >
                  <For each={["different", "same"] as const}>
                    {(mode) => <option value={mode}>{t(`carousel.mod.${mode}`)}</option>}
                  </For>
                </select>
              </label>
              <button type="button" class="link" onClick={() => setRules((list) => list.filter((_, j) => j !== i))}>
                {t("carousel.mod.removeRule", { n: i + 1 })}
              </button>
            </div>
          )}
        </Index>
        <Show when={rules().length < CarouselLimits.maxRules}>
          <button
            type="button"
            class="link"
            onClick={() => setRules((list) => [...list, { attribute: "organisation", mode: "different" }])}
          >
            {t("carousel.mod.addRule")}
          </button>
        </Show>
      </fieldset>
      <button type="button" onClick={() => void save()}>
        {t("carousel.mod.save")}
      </button>
      <p role="status" class="muted">
        {saved() ? t("carousel.mod.saved") : ""}
      </p>
    </section>
  );
}
