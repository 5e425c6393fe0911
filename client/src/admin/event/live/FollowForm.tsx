import { createSignal, For, Show } from "solid-js";
import type { FollowResponse, LiveSession } from "../../../../../core/contract/live";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { adminPost, fieldError } from "../../api";
import { errorText } from "../../errors";
import { ta } from "../../i18n";

/**
 * "Send everyone to …": a session chosen here, confirmed, then every open session sends its
 * people there (the moderators' own send). The outcome is said in a status line; an error next
 * to the choice when it names it.
 */
export function FollowForm(props: { eventId: string; sessions: LiveSession[]; onSent: () => void }) {
  const [target, setTarget] = createSignal("");
  const [asking, setAsking] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const [failure, setFailure] = createSignal<unknown>();
  // Stream rooms take guests from the raised hands, not crowds.
  const targets = () => props.sessions.filter((s) => s.kind !== "stream-room");
  const titleOf = (id: string) => props.sessions.find((s) => s.id === id)?.title ?? "";
  let select!: HTMLSelectElement;

  const send = async () => {
    const to = target();
    setBusy(true);
    setFailure(undefined);
    setDone(undefined);
    try {
      const res = await adminPost<FollowResponse>(`/api/admin/events/${encodeURIComponent(props.eventId)}/follow`, {
        sessionId: to,
      });
      const said = [
        res.sentFrom.length > 0
          ? ta("admin.live.follow.sent", { title: titleOf(to), count: res.sentFrom.length })
          : ta("admin.live.follow.sentNone"),
        ...(res.unreached.length > 0 ? [ta("admin.live.follow.unreached", { count: res.unreached.length })] : []),
      ];
      setDone(said.join(" "));
      props.onSent();
    } catch (err) {
      setFailure(() => err);
      select.focus();
    } finally {
      setBusy(false);
    }
  };

  const fieldProblem = () => (failure() === undefined ? undefined : fieldError(failure(), "sessionId"));

  return (
    <section class="live-follow" aria-labelledby="live-follow-heading">
      <h3 id="live-follow-heading">{ta("admin.live.follow.heading")}</h3>
      <p class="muted">{ta("admin.live.follow.help")}</p>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (target()) setAsking(true);
          else select.focus();
        }}
      >
        <div class="field">
          <label for="live-follow-target">{ta("admin.live.follow.target")}</label>
          <select
            id="live-follow-target"
            ref={select}
            required
            value={target()}
            aria-invalid={fieldProblem() ? "true" : undefined}
            aria-describedby={fieldProblem() ? "live-follow-error" : undefined}
            onChange={(e) => setTarget(e.currentTarget.value)}
          >
            <option value="">{ta("admin.live.follow.choose")}</option>
            <For each={targets()}>{(s) => <option value={s.id}>{s.title}</option>}</For>
          </select>
          <Show when={fieldProblem()}>
            {(text) => (
              <p id="live-follow-error" class="field-error" role="alert">
                {text()}
              </p>
            )}
          </Show>
        </div>
        <button type="submit" disabled={busy()}>
          {ta("admin.live.follow.submit")}
        </button>
      </form>
      <p role="status">{done() ?? ""}</p>
      <Show when={failure() !== undefined && !fieldProblem()}>
        <p role="alert">{errorText(failure())}</p>
      </Show>
      <ConfirmDialog
        open={asking()}
        title={ta("admin.live.follow.confirmTitle", { title: titleOf(target()) })}
        body={ta("admin.live.follow.confirmBody", { title: titleOf(target()) })}
        confirm={ta("admin.live.follow.confirm")}
        cancel={ta("admin.live.follow.cancel")}
        onConfirm={() => {
          setAsking(false);
          void send();
        }}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
}
