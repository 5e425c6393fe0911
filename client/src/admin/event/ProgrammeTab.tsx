import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import type { AdminSession } from "../../../../core/contract/index";
import { programmeProblems } from "../../../../core/rules/programme-problems";
import { language } from "../../i18n";
import { formatTimeRange, localeFor } from "../../i18n/time";
import { has } from "../access";
import { errorText } from "../errors";
import { ta } from "../i18n";
import { ListStatus } from "../pages/AdminTable";
import { ProblemList } from "./programme/ProblemList";
import { SessionEditor } from "./programme/SessionEditor";
import { createProgramme, spanOf } from "./programme/store";
import { dayWindow, HOUR, instantOf, localDate, programmeDays, type Span } from "./programme/timeline";
import { sessionTitle, Timeline } from "./programme/Timeline";
import type { EventTabProps } from "./tab-props";
import "./programme/programme.css";

const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);

/**
 * The event's programme: its sessions on a day timeline in the event's time zone, one lane per
 * kind (stages, breakouts, carousels, stream rooms; an organizer plans by kind, and a stream room
 * belongs right under its stage), parallel sessions of a kind stacked as tracks. Blocks move by
 * drag or keyboard and save at once; a form edits everything else; what the checks find is listed
 * and marked on the blocks.
 */
export default function ProgrammeTab(props: EventTabProps) {
  const [status, setStatus] = createSignal("");
  const [alert, setAlert] = createSignal("");
  const tz = () => props.event.timezone;
  const langs = () => props.event.languages;
  const programme = createProgramme(
    () => props.event.id,
    (session, err) =>
      setAlert(
        ta("admin.programme.moveFailed", {
          title: sessionTitle(session, langs()),
          reason: errorText(err),
          time: formatTimeRange(spanOf(session).startsAt, spanOf(session).endsAt, { timeZone: tz() }),
        }),
      ),
  );
  createEffect(
    on(
      () => props.event.id,
      () => void programme.load(),
    ),
  );

  const canEdit = () => has(props.workspace, "events:write");
  const canCount = () => has(props.workspace, "registrations:read");
  const eventSpan = (): Span => spanOf(props.event);
  const sessions = programme.sessions;
  const days = createMemo(() => programmeDays(eventSpan(), sessions().map(spanOf), tz()));
  const [chosenDay, setChosenDay] = createSignal<string>();
  const day = () => {
    const d = chosenDay();
    return d && days().includes(d) ? d : (days()[0] ?? localDate(eventSpan().startsAt, tz()));
  };
  const dayBounds = (): Span => ({
    startsAt: instantOf(`${day()}T00:00`, tz()),
    endsAt: instantOf(`${nextDay(day())}T00:00`, tz()),
  });
  const onDay = () =>
    sessions().filter((s) => {
      const span = spanOf(s);
      return span.startsAt < dayBounds().endsAt && span.endsAt > dayBounds().startsAt;
    });
  const window = () => dayWindow(day(), eventSpan(), onDay().map(spanOf), tz());
  const problems = createMemo(() =>
    programmeProblems(
      sessions().map((s) => ({ ...s, ...spanOf(s) })),
      { ...eventSpan(), fields: props.event.fields },
    ),
  );
  const dayLabel = (d: string) =>
    new Intl.DateTimeFormat(localeFor(language()), { dateStyle: "full", timeZone: "UTC" }).format(
      Date.parse(`${d}T12:00:00Z`),
    );

  /** The session being edited: its id, "new", or none. */
  const [editing, setEditing] = createSignal<string>();
  const edited = () => sessions().find((s) => s.id === editing());
  let addButton!: HTMLButtonElement;

  const focusBlock = (id: string) => {
    const s = sessions().find((x) => x.id === id);
    if (s) setChosenDay(localDate(spanOf(s).startsAt, tz()));
    // After the day's lanes are drawn.
    setTimeout(() => document.getElementById(`pg-block-${id}`)?.focus(), 0);
  };

  const move = (id: string, span: Span, delayMs: number) => {
    setAlert("");
    programme.move(id, span, delayMs);
    const s = sessions().find((x) => x.id === id);
    if (s) {
      setStatus(
        ta("admin.programme.moved", {
          title: sessionTitle(s, langs()),
          time: formatTimeRange(span.startsAt, span.endsAt, { timeZone: tz() }),
        }),
      );
    }
  };

  const save = async (body: Record<string, unknown>) => {
    const id = editing();
    const result: AdminSession = id && id !== "new" ? await programme.update(id, body) : await programme.create(body);
    setEditing(undefined);
    setStatus(
      ta(id && id !== "new" ? "admin.programme.saved" : "admin.programme.added", {
        title: sessionTitle(result, langs()),
      }),
    );
    focusBlock(result.id);
  };

  const remove = async () => {
    const s = edited();
    if (!s) return;
    await programme.remove(s.id);
    setEditing(undefined);
    setStatus(ta("admin.programme.removed", { title: sessionTitle(s, langs()) }));
    addButton.focus();
  };

  const defaultSpan = (): Span => {
    const start = Math.max(window().startsAt, Math.min(eventSpan().startsAt, window().endsAt - HOUR));
    return { startsAt: start, endsAt: start + HOUR };
  };

  return (
    <>
      <section class="card pg-tab" aria-labelledby="pg-h">
        <h2 id="pg-h">{ta("admin.programme.heading")}</h2>
        <p class="pg-note">{ta("admin.programme.zone", { zone: tz() })}</p>
        <div class="pg-toolbar">
          <Show when={days().length > 1}>
            <div class="field">
              <label for="pg-day">{ta("admin.programme.day")}</label>
              <select id="pg-day" value={day()} onChange={(e) => setChosenDay(e.currentTarget.value)}>
                <For each={days()}>{(d) => <option value={d}>{dayLabel(d)}</option>}</For>
              </select>
            </div>
          </Show>
          <Show when={days().length <= 1}>
            <p class="pg-day-one">{dayLabel(day())}</p>
          </Show>
          <Show when={canEdit()}>
            <button type="button" ref={addButton} onClick={() => setEditing("new")}>
              {ta("admin.programme.add")}
            </button>
          </Show>
        </div>
        <ListStatus error={programme.loadError()} loading={programme.loading()} />
        <p role="status" class="pg-status">
          {status()}
        </p>
        <p role="alert" class="pg-alert">
          {alert()}
        </p>
        <Show when={!programme.loading() && !programme.loadError()}>
          <Show when={sessions().length === 0}>
            <p>{ta("admin.programme.empty")}</p>
          </Show>
          <Timeline
            sessions={onDay()}
            window={window()}
            timeZone={tz()}
            languages={langs()}
            problems={problems()}
            canEdit={canEdit()}
            dayLabel={dayLabel(day())}
            onMove={move}
            onPreview={programme.preview}
            onRestore={programme.restore}
            onEdit={setEditing}
          />
        </Show>
      </section>
      <Show when={editing()} keyed>
        {(which) => (
          <SessionEditor
            event={props.event}
            session={which === "new" ? undefined : edited()}
            sessions={sessions()}
            defaultSpan={defaultSpan()}
            canEdit={canEdit()}
            canCount={canCount()}
            onSave={save}
            onDelete={remove}
            onClose={() => {
              setEditing(undefined);
              if (which === "new") addButton?.focus();
              else focusBlock(which);
            }}
          />
        )}
      </Show>
      <Show when={!programme.loading()}>
        <ProblemList problems={problems()} sessions={sessions()} languages={langs()} onGo={focusBlock} />
      </Show>
    </>
  );
}
