import { createSignal, Match, Show, Switch } from "solid-js";
import type { AdminStageMedia, StageKeyReveal, StageKeyRotated } from "../../../../../core/contract/media";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { adminApi, adminDelete, adminPost, fieldError } from "../../api";
import { errorText } from "../../errors";
import { ta } from "../../i18n";
import { CopyField } from "./CopyField";
import { StageStatus } from "./StageStatus";

const stagePath = (sessionId: string) => `/api/admin/media/stages/${encodeURIComponent(sessionId)}`;

/**
 * One stage's video: where it comes from, the local HLS URL or the IVS channel, the encoder
 * settings shown only on request (and hidden again), key rotation, and the live status.
 */
export function StageCard(props: { stage: AdminStageMedia; title: string; canWrite: boolean; onChanged: () => void }) {
  const id = () => props.stage.sessionId;
  const [revealed, setRevealed] = createSignal<StageKeyReveal>();
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal("");
  const [error, setError] = createSignal("");
  const [arn, setArn] = createSignal("");
  const [arnError, setArnError] = createSignal<string>();
  const [confirm, setConfirm] = createSignal<"rotate" | "release">();
  const [bump, setBump] = createSignal(0);
  let heading!: HTMLHeadingElement;
  let showButton: HTMLButtonElement | undefined;
  let hideButton: HTMLButtonElement | undefined;

  async function run<T>(
    work: () => Promise<T>,
    done: (out: T) => string,
    conflict?: "admin.media.noKey" | "admin.media.needsAws",
  ) {
    setBusy(true);
    setError("");
    setMessage("");
    try {
      const out = await work();
      setMessage(done(out));
      return out;
    } catch (err) {
      setError(errorText(err, conflict));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function reveal() {
    const out = await run(
      () => adminPost<StageKeyReveal>(`${stagePath(id())}/key/reveal`),
      () => "",
      "admin.media.noKey",
    );
    if (!out) return;
    setRevealed(out);
    hideButton?.focus();
  }

  function hide() {
    setRevealed(undefined);
    showButton?.focus();
  }

  async function rotate() {
    setRevealed(undefined);
    await run(
      () => adminPost<StageKeyRotated>(`${stagePath(id())}/key/rotate`),
      () => ta("admin.media.rotated", { stage: props.title }),
    );
  }

  async function create() {
    const out = await run(
      () => adminApi(`${stagePath(id())}/channel`, { method: "PUT", body: "{}" }),
      () => ta("admin.media.created", { stage: props.title }),
      "admin.media.needsAws",
    );
    if (out) changed();
  }

  async function link(e: SubmitEvent) {
    e.preventDefault();
    setArnError(undefined);
    setBusy(true);
    setError("");
    try {
      await adminApi(`${stagePath(id())}/channel`, {
        method: "PUT",
        body: JSON.stringify({ channelArn: arn().trim() }),
      });
      setMessage(ta("admin.media.linkedDone", { stage: props.title }));
      setArn("");
      changed();
    } catch (err) {
      const field = fieldError(err, "channelArn");
      if (field) setArnError(field);
      else setError(errorText(err, "admin.media.needsAws"));
    } finally {
      setBusy(false);
    }
  }

  async function release() {
    setRevealed(undefined);
    const out = await run(
      () => adminDelete(`${stagePath(id())}/channel`),
      () => ta("admin.media.released", { stage: props.title }),
    );
    if (out) changed();
  }

  /** The channel came or went: the list is read again and focus goes to the stage, which stays. */
  function changed() {
    props.onChanged();
    setBump((n) => n + 1);
    heading.focus();
  }

  const headingId = () => `stage-media-${id()}`;
  return (
    <section class="card stage-media" aria-labelledby={headingId()} data-session-id={id()}>
      <h3 id={headingId()} ref={heading} tabindex="-1">
        {props.title}
      </h3>
      <StageStatus sessionId={id()} stage={props.title} bump={bump()} />
      <Switch>
        <Match when={props.stage.source === "sample"}>
          <p>{ta("admin.media.source.sample")}</p>
          <CopyField
            id={`${headingId()}-url`}
            label={ta("admin.media.localUrl")}
            value={props.stage.playbackUrl ?? ""}
          />
        </Match>
        <Match when={props.stage.source === "stream-url"}>
          <p>{ta("admin.media.source.streamUrl")}</p>
          <CopyField
            id={`${headingId()}-url`}
            label={ta("admin.media.streamUrl")}
            value={props.stage.playbackUrl ?? ""}
          />
        </Match>
        <Match when={props.stage.channel}>
          {(channel) => (
            <>
              <p>{ta("admin.media.source.ivs")}</p>
              <p class="muted">{channel().owned ? ta("admin.media.owned") : ta("admin.media.linked")}</p>
              <CopyField id={`${headingId()}-arn`} label={ta("admin.media.channelArn")} value={channel().channelArn} />
              <CopyField
                id={`${headingId()}-play`}
                label={ta("admin.media.playbackUrl")}
                value={props.stage.playbackUrl ?? ""}
              />
              <Show when={props.canWrite}>
                <p class="warning" id={`${headingId()}-note`}>
                  {ta("admin.media.revealNote")}
                </p>
                <Show
                  when={revealed()}
                  fallback={
                    <button type="button" ref={showButton} disabled={busy()} onClick={reveal}>
                      {ta("admin.media.reveal")}
                    </button>
                  }
                >
                  {(keys) => (
                    <div class="media-secret">
                      <CopyField
                        id={`${headingId()}-ingest`}
                        label={ta("admin.media.ingestServer")}
                        value={keys().ingestServer}
                      />
                      <CopyField
                        id={`${headingId()}-key`}
                        label={ta("admin.media.streamKey")}
                        value={keys().streamKey}
                        describedBy={`${headingId()}-note`}
                      />
                      <button type="button" ref={hideButton} onClick={hide}>
                        {ta("admin.media.hide")}
                      </button>
                    </div>
                  )}
                </Show>
                <div class="toolbar media-actions">
                  <button type="button" class="secondary" disabled={busy()} onClick={() => setConfirm("rotate")}>
                    {ta("admin.media.rotate")}
                  </button>
                  <button type="button" class="secondary" disabled={busy()} onClick={() => setConfirm("release")}>
                    {ta("admin.media.release")}
                  </button>
                </div>
              </Show>
            </>
          )}
        </Match>
        <Match when={true}>
          <p>{ta("admin.media.source.ivs")}</p>
          <p>{ta("admin.media.noChannel")}</p>
          <Show when={props.canWrite}>
            <button type="button" disabled={busy()} onClick={create}>
              {ta("admin.media.createChannel")}
            </button>
            <form class="media-link" onSubmit={link} novalidate>
              <h4>{ta("admin.media.linkHeading")}</h4>
              <div class="field">
                <label for={`${headingId()}-link`}>{ta("admin.media.channelArn")}</label>
                <input
                  id={`${headingId()}-link`}
                  type="text"
                  required
                  value={arn()}
                  onInput={(e) => setArn(e.currentTarget.value)}
                  aria-invalid={arnError() ? "true" : undefined}
                  aria-describedby={`${headingId()}-link-help${arnError() ? ` ${headingId()}-link-error` : ""}`}
                  spellcheck={false}
                />
                <p class="muted" id={`${headingId()}-link-help`}>
                  {ta("admin.media.channelArnHelp")}
                </p>
                <Show when={arnError()}>
                  <p class="field-error" id={`${headingId()}-link-error`}>
                    {arnError()}
                  </p>
                </Show>
              </div>
              <button type="submit" disabled={busy()}>
                {ta("admin.media.link")}
              </button>
            </form>
          </Show>
        </Match>
      </Switch>
      <p role="status">{message()}</p>
      <Show when={error()}>
        <p role="alert">{error()}</p>
      </Show>
      <ConfirmDialog
        open={confirm() !== undefined}
        title={ta(confirm() === "release" ? "admin.media.releaseConfirm.title" : "admin.media.rotateConfirm.title", {
          stage: props.title,
        })}
        body={ta(confirm() === "release" ? "admin.media.releaseConfirm.body" : "admin.media.rotateConfirm.body")}
        confirm={ta(confirm() === "release" ? "admin.media.releaseConfirm.ok" : "admin.media.rotateConfirm.ok")}
        cancel={ta("admin.confirm.cancel")}
        onConfirm={() => {
          const what = confirm();
          setConfirm(undefined);
          if (what === "rotate") void rotate();
          else if (what === "release") void release();
        }}
        onCancel={() => setConfirm(undefined)}
      />
    </section>
  );
}
