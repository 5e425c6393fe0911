import { createResource, Match, Show, Switch } from "solid-js";
import type { AdminBranding } from "../../../../core/contract/branding";
import { textIn } from "../../../../core/protocol/localized";
import { language } from "../../i18n";
import { has } from "../access";
import { adminApi } from "../api";
import { errorText } from "../errors";
import { ta } from "../i18n";
import { ColoursForm } from "./branding/ColoursForm";
import { LogoSection } from "./branding/LogoSection";
import type { EventTabProps } from "./tab-props";
import "./branding/branding.css";

/** The event's branding tab: accent and background with their contrast, a live preview, and the logo. */
export default function BrandingTab(props: EventTabProps) {
  const path = () => `/api/admin/events/${encodeURIComponent(props.event.id)}/branding`;
  const [branding, { mutate, refetch }] = createResource(path, (p) => adminApi<AdminBranding>(p));
  const canEdit = () => has(props.workspace, "events:write");
  const title = () => textIn(props.event.title, language(), props.event.languages);
  return (
    <>
      <section class="card">
        <h2>{ta("admin.branding.heading")}</h2>
        <p>{ta("admin.branding.intro")}</p>
        <Show when={!canEdit()}>
          <p class="muted">{ta("admin.branding.readOnly")}</p>
        </Show>
      </section>
      <Switch>
        <Match when={branding.error}>
          <section class="card" role="alert">
            <p>{ta("admin.branding.loadFailed", { reason: errorText(branding.error) })}</p>
            <button type="button" onClick={() => void refetch()}>
              {ta("admin.retry")}
            </button>
          </section>
        </Match>
        <Match when={branding()}>
          {(b) => (
            <>
              <LogoSection path={path()} branding={b()} title={title()} canEdit={canEdit()} onSaved={mutate} />
              <ColoursForm path={path()} branding={b()} title={title()} canEdit={canEdit()} onSaved={mutate} />
            </>
          )}
        </Match>
        <Match when={branding.loading}>
          <p class="card" role="status">
            {ta("admin.loading")}
          </p>
        </Match>
      </Switch>
    </>
  );
}
