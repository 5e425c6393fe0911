import { createMemo, createResource, createSignal, For, lazy, Match, onCleanup, onMount, Show, Switch } from "solid-js";
import type { OrganizerMe } from "../../../core/contract/organizers";
import { Shell } from "../components/Shell";
import {
  type ConsolePage,
  chooseWorkspace,
  controlsFor,
  eventsOf,
  pageOf,
  pagesFor,
  pathOf,
  type ScopedEvent,
} from "./access";
import { adminApi, adminPost } from "./api";
import { EventsPage } from "./EventsPage";
import { ta } from "./i18n";
import { NewWorkspace } from "./NewWorkspace";
import { leaveThen } from "./unsaved";
import type { PageProps } from "./page-props";

// Loaded when first opened: most visits are to the events.
const PeoplePage = lazy(() => import("./pages/PeoplePage"));
const TokensPage = lazy(() => import("./pages/TokensPage"));
const AuditPage = lazy(() => import("./pages/AuditPage"));
const SessionsPage = lazy(() => import("./pages/SessionsPage"));

const WORKSPACE_KEY = "foyer.admin.workspace";

/**
 * The signed-in console: navigation, the workspace switcher, who is signed in and "Sign out".
 * What it offers follows the person's role in the chosen workspace (`me.workspaces[].scopes`);
 * the server refuses the rest anyway.
 */
export function Console(props: {
  me: OrganizerMe;
  /** Said once at the top, after the person's own access changed (a new role, a workspace left). */
  notice?: string | undefined;
  onMe: (me: OrganizerMe, notice?: string) => void;
  onSignedOut: () => void;
}) {
  const [wanted, setWanted] = createSignal(globalThis.localStorage?.getItem(WORKSPACE_KEY) ?? null);
  const workspace = createMemo(() => chooseWorkspace(props.me, wanted()));
  const pages = createMemo(() => pagesFor(props.me, workspace()));
  const [page, setPage] = createSignal<ConsolePage>(pageOf(location.pathname));
  // Counts clicks on the navigation: "Events" clicked on an event's page is the same console page,
  // yet the organizer asked for the list, so the events page reads the address again on each.
  const [visit, setVisit] = createSignal(0);
  const [events, { refetch: refetchEvents }] = createResource(
    async () => (await adminApi<{ items: ScopedEvent[] }>("/api/admin/events")).items,
  );
  const workspaceEvents = () => eventsOf(events() ?? [], workspace());

  // Back and forward with unsaved changes: asked first; staying puts the address back.
  const onPop = () => {
    const here = pathOf(page());
    leaveThen(
      () => setPage(pageOf(location.pathname)),
      () => history.pushState(null, "", here),
    );
  };
  window.addEventListener("popstate", onPop);
  onCleanup(() => window.removeEventListener("popstate", onPop));

  function go(next: ConsolePage, e: MouseEvent) {
    // Ordinary links (new tab, copy address) keep working; a plain click stays in the page.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    leaveThen(() => {
      if (location.pathname + location.search !== pathOf(next)) history.pushState(null, "", pathOf(next));
      setPage(next);
      setVisit(visit() + 1);
      document.getElementById("main")?.focus();
    });
  }

  function chooseWorkspaceId(id: string, select: HTMLSelectElement) {
    leaveThen(
      () => {
        globalThis.localStorage?.setItem(WORKSPACE_KEY, id);
        setWanted(id);
      },
      () => (select.value = workspace()?.id ?? ""),
    );
  }

  async function signOut() {
    try {
      await adminPost("/api/admin/auth/signout");
    } catch {
      // Signed out already (401) or the network is gone: this page forgets the sign-in either way.
    }
    props.onSignedOut();
  }

  async function reloadMe() {
    props.onMe(await adminApi<OrganizerMe>("/api/admin/auth/me"));
  }

  /**
   * After the person changed their own role or left a workspace: what they may do now, from the
   * server. A page they may no longer open gives way to the events, rather than failing there.
   */
  async function reloadAccess(notice: string) {
    const next = await adminApi<OrganizerMe>("/api/admin/auth/me");
    if (!pagesFor(next, chooseWorkspace(next, wanted())).includes(page())) {
      history.replaceState(null, "", pathOf("events"));
    }
    props.onMe(next, notice);
  }

  let noticeLine: HTMLParagraphElement | undefined;
  // The console was drawn anew for the changed access: focus goes to what it says about it.
  onMount(() => noticeLine?.focus());

  const pageProps = (): PageProps => ({
    me: props.me,
    // Rendered only under <Show when={workspace()}>.
    workspace: workspace()!,
    controls: controlsFor(workspace()),
    events: workspaceEvents(),
    onSignedOut: props.onSignedOut,
    onAccessChanged: reloadAccess,
  });

  return (
    <Shell
      title={ta("admin.title")}
      aside={
        <span class="console-who">
          <Show when={props.me.workspaces.length > 1}>
            <label for="admin-workspace">{ta("admin.workspace.label")}</label>
            <select
              id="admin-workspace"
              value={workspace()?.id}
              onChange={(e) => chooseWorkspaceId(e.currentTarget.value, e.currentTarget)}
            >
              <For each={props.me.workspaces}>{(w) => <option value={w.id}>{w.name}</option>}</For>
            </select>
          </Show>
          <Show when={props.me.workspaces.length === 1 && workspace()}>
            {(w) => <span class="muted">{ta("admin.workspace.one", { name: w().name })}</span>}
          </Show>
          <span>{ta("admin.signedInAs", { name: props.me.name })}</span>
          <button type="button" class="secondary" onClick={() => leaveThen(signOut)}>
            {ta("admin.signOut")}
          </button>
        </span>
      }
    >
      <nav class="console-nav" aria-label={ta("admin.nav.console")}>
        <ul>
          <For each={pages()}>
            {(p) => (
              <li>
                <a href={pathOf(p)} aria-current={page() === p ? "page" : undefined} onClick={(e) => go(p, e)}>
                  {ta(`admin.page.${p}`)}
                </a>
              </li>
            )}
          </For>
        </ul>
      </nav>
      <Show when={props.notice}>
        <p ref={noticeLine} class="card notice" role="status" tabindex="-1">
          {props.notice}
        </p>
      </Show>
      <Show
        when={workspace()}
        fallback={
          <Show when={page() === "sessions"} fallback={<NewWorkspace onCreated={reloadMe} />}>
            <SessionsPage me={props.me} onSignedOut={props.onSignedOut} />
          </Show>
        }
      >
        <Switch>
          <Match when={!pages().includes(page())}>
            <p class="card" role="alert">
              {ta("admin.page.notAllowed")}{" "}
              <a href={pathOf("events")} onClick={(e) => go("events", e)}>
                {ta("admin.page.events")}
              </a>
            </p>
          </Match>
          <Match when={page() === "events"}>
            {/* Loading only the first time: a refresh after a save keeps the open tab (and its state) in place. */}
            <EventsPage
              {...pageProps()}
              visit={visit()}
              loading={events.loading && events.latest === undefined}
              error={events.error}
              refetchEvents={refetchEvents}
            />
          </Match>
          <Match when={page() === "people"}>
            <PeoplePage {...pageProps()} />
          </Match>
          <Match when={page() === "tokens"}>
            <TokensPage {...pageProps()} />
          </Match>
          <Match when={page() === "audit"}>
            <AuditPage {...pageProps()} />
          </Match>
          <Match when={page() === "sessions"}>
            <SessionsPage me={props.me} onSignedOut={props.onSignedOut} />
          </Match>
        </Switch>
      </Show>
    </Shell>
  );
}
