import { createResource, For, Show } from "solid-js";
import type { AdminSession } from "../../../../core/contract/index";
import type { AdminStageMedia } from "../../../../core/contract/media";
import { textIn } from "../../../../core/protocol/localized";
import { language } from "../../i18n";
import { has } from "../access";
import { adminApi } from "../api";
import { ta } from "../i18n";
import { ListStatus } from "../pages/AdminTable";
import { StageCard } from "./media/StageCard";
import type { EventTabProps } from "./tab-props";
import "./media/media.css";

/** The event's media tab: every stage's video, its encoder settings on request, and its live status. */
export default function MediaTab(props: EventTabProps) {
  const eventPath = () => encodeURIComponent(props.event.id);
  const [stages, { refetch }] = createResource(
    () => props.event.id,
    () => adminApi<{ items: AdminStageMedia[] }>(`/api/admin/media/events/${eventPath()}/stages`),
  );
  const [sessions] = createResource(
    () => props.event.id,
    () => adminApi<{ items: AdminSession[] }>(`/api/admin/events/${eventPath()}/sessions`),
  );
  const titleOf = (sessionId: string) => {
    const session = sessions()?.items.find((s) => s.id === sessionId);
    return session ? textIn(session.title, language(), props.event.languages) : sessionId;
  };
  const canWrite = () => has(props.workspace, "media:write");
  // The list keeps its rows while it is read again, and cards are keyed by stage, so a stage's
  // card (its revealed key, its focus) stays when the list is read again.
  const items = () => (stages.state === "errored" ? undefined : stages.latest?.items);
  return (
    <section class="card" aria-labelledby="media-heading">
      <h2 id="media-heading">{ta("admin.media.heading")}</h2>
      <p>{ta("admin.media.intro")}</p>
      <Show when={!canWrite()}>
        <p class="muted">{ta("admin.media.readOnly")}</p>
      </Show>
      <ListStatus
        error={stages.error ?? sessions.error}
        loading={!items() && stages.loading}
        empty={items()?.length === 0}
        emptyMessage="admin.media.none"
      />
      <For each={items()?.map((s) => s.sessionId)}>
        {(sessionId) => (
          <Show when={items()?.find((s) => s.sessionId === sessionId)}>
            {(stage) => (
              <StageCard
                stage={stage()}
                title={titleOf(sessionId)}
                canWrite={canWrite()}
                onChanged={() => void refetch()}
              />
            )}
          </Show>
        )}
      </For>
    </section>
  );
}
