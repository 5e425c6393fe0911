import { createSignal, For, Show } from "solid-js";
import type { InvitationBatchRequest, InvitationBatchView } from "../../../../../core/contract/imports";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { adminPost } from "../../api";
import { errorText } from "../../errors";
import { ta } from "../../i18n";
import { BatchProgress } from "./WorkProgress";
import "./imports.css";

/**
 * "Send invitations to these N": everyone the list shows with its search and filter, after a
 * confirmation that says how many. The scheduler sends them at its pace; the progress shows here
 * (and again when the page is opened later) until the last one is handled.
 */
export function SendInvitations(props: {
  eventId: string;
  /** How many people the list shows with this filter. */
  count: number | undefined;
  filter: InvitationBatchRequest;
  canSend: boolean;
  batches: InvitationBatchView[];
  onSent: (batch: InvitationBatchView) => void;
  onProgress: () => void;
}) {
  const [confirming, setConfirming] = createSignal(false);
  const [problem, setProblem] = createSignal("");
  let progress: HTMLDivElement | undefined;
  async function send() {
    setConfirming(false);
    setProblem("");
    try {
      const batch = await adminPost<InvitationBatchView>(
        `/api/admin/events/${encodeURIComponent(props.eventId)}/invitation-batches`,
        props.filter,
      );
      props.onSent(batch);
      // The dialog's opener stays, but the news is the progress: move there.
      queueMicrotask(() => progress?.querySelector<HTMLElement>("h3")?.focus());
    } catch (err) {
      setProblem(errorText(err));
    }
  }
  return (
    <>
      <Show when={props.canSend && (props.count ?? 0) > 0}>
        <button type="button" onClick={() => setConfirming(true)}>
          {ta("admin.imports.send", { count: props.count ?? 0 })}
        </button>
      </Show>
      <ConfirmDialog
        open={confirming()}
        title={ta("admin.imports.send.title", { count: props.count ?? 0 })}
        body={ta("admin.imports.send.body", { count: props.count ?? 0 })}
        confirm={ta("admin.imports.send.ok", { count: props.count ?? 0 })}
        cancel={ta("admin.confirm.cancel")}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
      />
      <Show when={problem()}>
        <p role="alert" class="state-failed">
          {problem()}
        </p>
      </Show>
      <div ref={progress} class="work-list">
        <For each={props.batches}>
          {(batch) => <BatchProgress eventId={props.eventId} batch={batch} onDone={props.onProgress} />}
        </For>
      </div>
    </>
  );
}
