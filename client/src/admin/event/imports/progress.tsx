import { type Accessor, createSignal, onCleanup } from "solid-js";
import { ta } from "../../i18n";

/** A bar screen readers announce as "12,000 of 50,000": role=progressbar with its values. */
export function ProgressBar(props: { label: string; value: number; max: number }) {
  const percent = () => (props.max > 0 ? Math.min(100, (props.value / props.max) * 100) : 100);
  return (
    <div
      class="work-progress"
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={props.max}
      aria-valuenow={props.value}
      aria-valuetext={ta("admin.imports.progress", { done: props.value, total: props.max })}
    >
      <div class="work-progress-fill" style={{ width: `${percent()}%` }} />
    </div>
  );
}

/**
 * Asks the server again every `everyMs` until `finished` says so: the work runs on the server,
 * so this page only looks at it, and leaving stops nothing but the looking.
 */
export function poll<T>(
  first: T,
  load: () => Promise<T>,
  finished: (value: T) => boolean,
  everyMs = 1000,
): Accessor<T> {
  const [value, setValue] = createSignal<T>(first);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const next = await load();
      if (stopped) return;
      setValue(() => next);
      if (finished(next)) return;
    } catch {
      // A failed look (a network blip) is tried again on the next tick; the work goes on regardless.
    }
    if (!stopped) timer = setTimeout(tick, everyMs);
  };
  if (!finished(first)) timer = setTimeout(tick, everyMs);
  onCleanup(() => {
    stopped = true;
    clearTimeout(timer);
  });
  return value;
}
