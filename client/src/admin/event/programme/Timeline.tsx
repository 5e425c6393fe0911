import { createMemo, createUniqueId, For, Show } from "solid-js";
import type { AdminSession, PerLanguage } from "../../../../../core/contract/index";
import { SessionKinds, type Language } from "../../../../../core/protocol/identity";
import { textIn } from "../../../../../core/protocol/localized";
import { problemsOf, type ProgrammeProblem } from "../../../../../core/rules/programme-problems";
import { language } from "../../../i18n";
import { formatTime, formatTimeRange } from "../../../i18n/time";
import { ta } from "../../i18n";
import { spanOf } from "./store";
import { drawn, hoursOf, keyOutcome, lanesOf, moved, msOfPx, resized, type Span, widthOf, xOf } from "./timeline";

/** Height of one row of blocks, in px (the CSS reads it from --pg-row). */
const ROW = 56;
/** Movement under this many px is a click (opens the editor), not a drag. */
const CLICK_SLOP = 4;

type Mode = "move" | "start" | "end";

export function sessionTitle(s: Pick<AdminSession, "title">, languages: readonly Language[]): string {
  return textIn(s.title as string | PerLanguage, language(), languages);
}

/**
 * The day's programme as blocks on lanes. Drag a block to move it, its edges to resize it (5-minute
 * steps); on a focused block the arrow keys do the same (see `keyOutcome`) and Enter or a click
 * opens its editor. Only organizers who may change the event can move anything.
 */
export function Timeline(props: {
  sessions: AdminSession[];
  window: Span;
  timeZone: string;
  languages: readonly Language[];
  problems: readonly ProgrammeProblem[];
  canEdit: boolean;
  dayLabel: string;
  onMove: (id: string, span: Span, delayMs: number) => void;
  onPreview: (id: string, span: Span) => void;
  onRestore: (session: AdminSession) => void;
  onEdit: (id: string) => void;
}) {
  const help = createUniqueId();
  const lanes = createMemo(() =>
    lanesOf(props.sessions.map((s) => ({ ...spanOf(s), id: s.id, kind: s.kind, session: s }))),
  );
  // Blocks are drawn per id, not per placement object: a move recomputes every placement, and a
  // block redrawn from scratch would lose the keyboard focus and the pointer capture of a drag.
  const placed = createMemo(() => new Map(lanes().flatMap((l) => l.blocks.map((b) => [b.item.id, b] as const))));
  const range = (span: Span) => formatTimeRange(span.startsAt, span.endsAt, { timeZone: props.timeZone });

  /** What a screen reader hears beyond the visible title and time: the kind, and how many problems. */
  const labelOf = (s: AdminSession) => {
    const count = problemsOf(props.problems, s.id).length;
    return {
      kind: ta("admin.programme.block.kind", { kind: ta(`admin.programme.kind.${s.kind}`) }),
      problems: count > 0 ? ta("admin.programme.block.problems", { count }) : "",
    };
  };

  let drag: { id: string; mode: Mode; x: number; from: Span; before: AdminSession; moved: boolean } | undefined;

  const spanFor = (mode: Mode, from: Span, dx: number): Span =>
    mode === "move"
      ? moved(from, msOfPx(dx))
      : resized(from, mode, (mode === "start" ? from.startsAt : from.endsAt) + msOfPx(dx));

  const down = (e: PointerEvent, s: AdminSession, mode: Mode) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    if (!props.canEdit) return;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    drag = { id: s.id, mode, x: e.clientX, from: spanOf(s), before: s, moved: false };
  };
  const move = (e: PointerEvent) => {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    if (Math.abs(dx) >= CLICK_SLOP) drag.moved = true;
    if (drag.moved) props.onPreview(drag.id, spanFor(drag.mode, drag.from, dx));
  };
  const up = (e: PointerEvent) => {
    if (!drag) return;
    const d = drag;
    drag = undefined;
    if (!d.moved) return props.onEdit(d.id);
    const span = spanFor(d.mode, d.from, e.clientX - d.x);
    if (span.startsAt === d.from.startsAt && span.endsAt === d.from.endsAt) return props.onRestore(d.before);
    props.onMove(d.id, span, 0);
  };
  const cancel = () => {
    if (drag) props.onRestore(drag.before);
    drag = undefined;
  };

  const key = (e: KeyboardEvent, s: AdminSession) => {
    const outcome = keyOutcome(e.key, e.shiftKey, spanOf(s));
    if (!outcome) return;
    e.preventDefault();
    if ("edit" in outcome) return props.onEdit(s.id);
    if (props.canEdit) props.onMove(s.id, outcome.change, 600);
  };

  return (
    <div class="pg-timeline">
      <p id={help} class="pg-help">
        {props.canEdit ? ta("admin.programme.keys") : ta("admin.programme.keysReadOnly")}
      </p>
      <div class="pg-scroll">
        <div
          class="pg-canvas"
          role="group"
          aria-label={ta("admin.programme.timelineOf", { day: props.dayLabel })}
          style={{ width: `${widthOf(props.window)}px` }}
        >
          <div class="pg-ruler" aria-hidden="true">
            <For each={hoursOf(props.window, props.timeZone)}>
              {(h) => (
                <span class="pg-hour" style={{ left: `${xOf(h, props.window)}px` }}>
                  {formatTime(h, { timeZone: props.timeZone })}
                </span>
              )}
            </For>
          </div>
          <For each={SessionKinds}>
            {(kind) => {
              const lane = () => lanes().find((l) => l.kind === kind)!;
              return (
                <section class="pg-lane" data-lane={kind} aria-label={ta(`admin.programme.lane.${kind}`)}>
                  <h3 class="pg-lane-label">{ta(`admin.programme.lane.${kind}`)}</h3>
                  <div class="pg-lane-body" style={{ height: `${lane().rows * ROW}px` }}>
                    <For each={lane().blocks.map((b) => b.item.id)}>
                      {(id) => (
                        <Show when={placed().get(id)}>
                          {(block) => {
                            const s = () => block().item.session;
                            const span = () => spanOf(s());
                            const part = () => drawn(span(), props.window);
                            const trouble = () => problemsOf(props.problems, s().id).length > 0;
                            return (
                              <button
                                type="button"
                                id={`pg-block-${s().id}`}
                                class="pg-block"
                                classList={{
                                  "pg-trouble": trouble(),
                                  "pg-editable": props.canEdit,
                                  "pg-from-before": part().before,
                                  "pg-goes-on": part().after,
                                }}
                                data-session-id={s().id}
                                data-kind={s().kind}
                                aria-describedby={help}
                                style={{
                                  left: `${xOf(part().span.startsAt, props.window)}px`,
                                  width: `${Math.max(widthOf(part().span), 12)}px`,
                                  top: `${block().row * ROW}px`,
                                }}
                                onKeyDown={(e) => key(e, s())}
                                onPointerDown={(e) => down(e, s(), "move")}
                                onPointerMove={move}
                                onPointerUp={up}
                                onPointerCancel={cancel}
                              >
                                {/* An edge on another day is not here to drag: that day's timeline has it. */}
                                <Show when={props.canEdit && !part().before}>
                                  <span
                                    class="pg-handle pg-handle-start"
                                    aria-hidden="true"
                                    onPointerDown={(e) => down(e, s(), "start")}
                                    onPointerMove={move}
                                    onPointerUp={up}
                                    onPointerCancel={cancel}
                                  />
                                </Show>
                                {/* The visible words are the name (as a voice user says it), with the kind and problems for screen readers. */}
                                <span class="pg-block-title">
                                  <Show when={trouble()}>
                                    <span class="pg-marker" aria-hidden="true">
                                      {"⚠ "}
                                    </span>
                                  </Show>
                                  {sessionTitle(s(), props.languages)}
                                </span>
                                <span class="visually-hidden">{labelOf(s()).kind}</span>
                                <span class="pg-block-time">{range(span())}</span>
                                <span class="visually-hidden">{labelOf(s()).problems}</span>
                                <Show when={props.canEdit && !part().after}>
                                  <span
                                    class="pg-handle pg-handle-end"
                                    aria-hidden="true"
                                    onPointerDown={(e) => down(e, s(), "end")}
                                    onPointerMove={move}
                                    onPointerUp={up}
                                    onPointerCancel={cancel}
                                  />
                                </Show>
                              </button>
                            );
                          }}
                        </Show>
                      )}
                    </For>
                  </div>
                </section>
              );
            }}
          </For>
        </div>
      </div>
    </div>
  );
}
