import { createEffect, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import type { AdminEvent } from "../../../core/contract/index";
import { textIn } from "../../../core/protocol/localized";
import { Shell } from "../components/Shell";
import { language } from "../i18n";
import { ApiFailure } from "../lib/api";
import { adminApi, session } from "./api";
import { ta } from "./i18n";
import { Outbox } from "./Outbox";
import { Registrations } from "./Registrations";

/** An event's title in the organizer's language, when they wrote it in several. */
const titleOf = (e: AdminEvent) => textIn(e.title, language(), e.languages);

type Tab = "registrations" | "outbox";

/** `/admin` — the organizer's page: sign in with the admin token, pick an event, work on it. */
export function AdminApp() {
  const [token, setToken] = createSignal(session.token());
  createEffect(() => {
    document.documentElement.lang = language();
    document.title = ta("admin.title");
  });
  return (
    <Shell
      title={ta("admin.title")}
      aside={
        <Show when={token()}>
          <button
            type="button"
            onClick={() => {
              session.clear();
              setToken(null);
            }}
          >
            {ta("admin.signOut")}
          </button>
        </Show>
      }
    >
      <Show when={token()} fallback={<SignIn onSignedIn={setToken} />}>
        <Workspace
          onRefused={() => {
            session.clear();
            setToken(null);
          }}
        />
      </Show>
    </Shell>
  );
}

function SignIn(props: { onSignedIn: (token: string) => void }) {
  const [problem, setProblem] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const token = String(form.get("token") ?? "").trim();
    setBusy(true);
    try {
      await adminApi("/api/admin/events", {}, token);
      session.save(token, String(form.get("name") ?? "").trim());
      props.onSignedIn(token);
    } catch (err) {
      setProblem(
        err instanceof ApiFailure && (err.status === 401 || err.status === 403)
          ? ta("admin.token.invalid")
          : ta("admin.failed", { reason: (err as Error).message }),
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="card narrow" onSubmit={submit}>
      <h1>{ta("admin.token.heading")}</h1>
      <div class="field">
        <label for="admin-token">{ta("admin.token.label")}</label>
        <input
          id="admin-token"
          name="token"
          type="password"
          required
          autocomplete="current-password"
          aria-describedby="admin-token-help"
          aria-invalid={problem() ? "true" : undefined}
        />
        <p id="admin-token-help" class="muted">
          {ta("admin.token.help")}
        </p>
      </div>
      <div class="field">
        <label for="admin-name">{ta("admin.token.name")}</label>
        <input id="admin-name" name="name" type="text" autocomplete="name" maxLength={60} />
      </div>
      <p role="alert" class="field-error">
        {problem()}
      </p>
      <button type="submit" disabled={busy()}>
        {ta("admin.token.submit")}
      </button>
    </form>
  );
}

function Workspace(props: { onRefused: () => void }) {
  const [events] = createResource(async () => {
    try {
      return (await adminApi<{ items: AdminEvent[] }>("/api/admin/events")).items;
    } catch (err) {
      if (err instanceof ApiFailure && (err.status === 401 || err.status === 403)) props.onRefused();
      throw err;
    }
  });
  const [eventId, setEventId] = createSignal<string>();
  const [tab, setTab] = createSignal<Tab>("registrations");
  const selected = () => events()?.find((e) => e.id === eventId()) ?? events()?.[0];
  return (
    <Switch>
      <Match when={events.error}>
        <p class="card" role="alert">
          {ta("admin.failed", { reason: (events.error as Error).message })}
        </p>
      </Match>
      <Match when={events.loading}>
        <p class="card" role="status">
          {ta("admin.loading")}
        </p>
      </Match>
      <Match when={events()?.length === 0}>
        <p class="card">{ta("admin.event.none")}</p>
      </Match>
      <Match when={selected()}>
        {(event) => (
          <>
            <section class="card">
              <h1>{titleOf(event())}</h1>
              <div class="field">
                <label for="admin-event">{ta("admin.event.label")}</label>
                <select id="admin-event" value={event().id} onChange={(e) => setEventId(e.currentTarget.value)}>
                  <For each={events()}>{(e) => <option value={e.id}>{`${titleOf(e)} (${e.slug})`}</option>}</For>
                </select>
              </div>
              <nav class="tabs" aria-label={ta("admin.nav.label")}>
                <For each={["registrations", "outbox"] as const}>
                  {(name) => (
                    <button
                      type="button"
                      aria-current={tab() === name ? "page" : undefined}
                      onClick={() => setTab(name)}
                    >
                      {ta(`admin.tab.${name}`)}
                    </button>
                  )}
                </For>
              </nav>
            </section>
            <Switch>
              <Match when={tab() === "registrations"}>
                <Registrations event={event()} />
              </Match>
              <Match when={tab() === "outbox"}>
                <Outbox event={event()} />
              </Match>
            </Switch>
          </>
        )}
      </Match>
    </Switch>
  );
}
