import { createSignal, For, Show } from "solid-js";
import type { AdminEvent } from "../../../../../core/contract/index";
import type { ImportCheck, ImportColumn, ImportJobView, ImportRequest } from "../../../../../core/contract/imports";
import { MAX_IMPORT_ROWS } from "../../../../../core/contract/imports";
import { suggestColumn } from "../../../../../core/rules/import-columns";
import { adminPost } from "../../api";
import { errorText, fieldText } from "../../errors";
import { ta } from "../../i18n";
import { ColumnMapping } from "./ColumnMapping";
import { ImportPreview } from "./ImportPreview";
import { inviteTiming, inviteTimingText } from "./invite-timing";
import { type ParsedFile, type ParseResult, parseImportFile } from "./parse";
import { JobProgress } from "./WorkProgress";
import "./imports.css";

function fileProblem(result: Extract<ParseResult, { ok: false }>): string {
  switch (result.problem) {
    case "empty":
      return ta("admin.imports.file.empty");
    case "noPeople":
      return ta("admin.imports.file.noPeople");
    case "tooMany":
      return ta("admin.imports.file.tooMany", { max: MAX_IMPORT_ROWS });
    case "malformed":
      return ta("admin.imports.file.malformed", { row: result.row ?? 1, detail: result.detail ?? "" });
    default:
      return result.problem satisfies never;
  }
}

/**
 * Import in steps, nothing written until the last: choose a file (read here, in the browser),
 * confirm what its columns hold, check it against the server's rules (the same as the import's),
 * fix the file and check again as often as needed, then start the import, which runs on the
 * server and shows its progress here and on every later visit.
 */
export default function ImportPanel(props: {
  event: AdminEvent;
  jobs: ImportJobView[];
  onStarted: (job: ImportJobView) => void;
  onFinished: () => void;
}) {
  const [file, setFile] = createSignal<ParsedFile>();
  const [suggested, setSuggested] = createSignal<ImportColumn[]>([]);
  const [columns, setColumns] = createSignal<ImportColumn[]>([]);
  const [check, setCheck] = createSignal<ImportCheck>();
  const [busy, setBusy] = createSignal<"reading" | "checking" | "starting">();
  const [problem, setProblem] = createSignal("");
  let input!: HTMLInputElement;
  let preview: HTMLDivElement | undefined;
  const path = (suffix: string) => `/api/admin/events/${encodeURIComponent(props.event.id)}/imports${suffix}`;
  const request = (): ImportRequest => ({ header: file()!.header, columns: columns(), rows: file()!.rows });

  async function choose(chosen: File | undefined) {
    setFile(undefined);
    setCheck(undefined);
    setProblem("");
    if (!chosen) return;
    setBusy("reading");
    const result = await parseImportFile(chosen);
    setBusy(undefined);
    if (!result.ok) {
      setProblem(fileProblem(result));
      return;
    }
    const guess = result.file.header.map((h) => suggestColumn(h, props.event.fields) ?? { kind: "ignored" as const });
    setSuggested(guess);
    setColumns(guess);
    setFile(result.file);
  }

  async function run(step: "checking" | "starting", work: () => Promise<void>) {
    setBusy(step);
    setProblem("");
    try {
      await work();
    } catch (err) {
      setProblem(fieldText(err, "columns") ?? errorText(err));
    } finally {
      setBusy(undefined);
    }
  }

  const doCheck = () =>
    run("checking", async () => {
      setCheck(await adminPost<ImportCheck>(path("/check"), request()));
      // The preview replaces the button that asked for it: focus goes to what it found.
      preview?.querySelector<HTMLElement>(".import-preview")?.focus();
    });

  const start = () =>
    run("starting", async () => {
      const started = await adminPost<{ job: ImportJobView }>(path(""), request());
      props.onStarted(started.job);
      setFile(undefined);
      setCheck(undefined);
      input.value = "";
      input.focus();
    });

  const writable = () => {
    const c = check()?.counts;
    return c ? c.created + c.updated : 0;
  };

  return (
    <section class="card imports" aria-labelledby="imports-heading">
      <h2 id="imports-heading">{ta("admin.imports.heading")}</h2>
      <p class="muted">{ta("admin.imports.intro")}</p>
      {/* Read as the panel opens: the organizer decides about this file now, not at the next minute. */}
      <p
        class={inviteTiming(props.event, Date.now()) === "later" ? "muted" : "notice"}
        data-invite-timing={inviteTiming(props.event, Date.now())}
      >
        {inviteTimingText(props.event, Date.now())}
      </p>
      <For each={props.jobs}>
        {(job) => <JobProgress eventId={props.event.id} job={job} onDone={props.onFinished} />}
      </For>
      <div class="field">
        <label for="import-file">{ta("admin.imports.file")}</label>
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          // The browser signals no change when the same file is chosen again, yet that is how a
          // fixed file comes back: forgetting the choice as the chooser opens makes it read anew.
          onClick={(e) => (e.currentTarget.value = "")}
          onChange={(e) => void choose(e.currentTarget.files?.[0])}
        />
      </div>
      <p role="status" class="import-status">
        {busy() === "reading"
          ? ta("admin.imports.reading")
          : busy() === "checking"
            ? ta("admin.imports.checking", { count: file()?.rows.length ?? 0 })
            : ""}
      </p>
      <Show when={problem()}>
        <p role="alert" class="state-failed">
          {problem()}
        </p>
      </Show>
      <Show when={file()}>
        {(f) => (
          <>
            <ColumnMapping
              event={props.event}
              header={f().header}
              example={f().rows[0]?.cells ?? []}
              suggested={suggested()}
              columns={columns()}
              onChange={(index, column) => {
                setColumns(columns().map((c, i) => (i === index ? column : c)));
                setCheck(undefined);
              }}
            />
            <button type="button" disabled={busy() !== undefined} onClick={doCheck}>
              {ta("admin.imports.check", { count: f().rows.length })}
            </button>
          </>
        )}
      </Show>
      <div ref={preview}>
        <Show when={check()}>
          {(c) => (
            <>
              <ImportPreview check={c()} />
              <Show when={writable() > 0} fallback={<p>{ta("admin.imports.nothing")}</p>}>
                <button type="button" disabled={busy() !== undefined} onClick={start}>
                  {c().counts.invalid > 0
                    ? ta("admin.imports.startSkipping", { count: writable(), invalid: c().counts.invalid })
                    : ta("admin.imports.start", { count: writable() })}
                </button>
              </Show>
            </>
          )}
        </Show>
      </div>
    </section>
  );
}
