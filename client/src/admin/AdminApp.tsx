import { createEffect, createSignal, Match, onCleanup, onMount, Switch } from "solid-js";
import type { OrganizerMe, SignInRequest } from "../../../core/contract/organizers";
import { Shell } from "../components/Shell";
import { language } from "../i18n";
import { ApiFailure } from "../lib/api";
import { adminApi, adminPost, isStatus, onSignedOut } from "./api";
import { errorText } from "./errors";
import { Console } from "./Console";
import { ta } from "./i18n";
import { SignIn, type SignInProblem } from "./SignIn";
import { SIGNIN_PATH, signInFragment } from "./signin-link";

type State =
  | { kind: "loading"; signingIn: boolean }
  | { kind: "signedOut"; problem?: SignInProblem }
  | { kind: "signedIn"; me: OrganizerMe; notice?: string }
  | { kind: "failed"; reason: string; retry: () => void }
  /** A sign-in link opened in a browser signed in as someone else: the link's token, unused, in memory only. */
  | { kind: "otherSignedIn"; token: string };

/**
 * `/admin` — the organizer console. It starts by asking who is signed in (`GET
 * /api/admin/auth/me`); without a sign-in it shows the sign-in page. `/admin/signin#<token>` is
 * the e-mailed link: its token is taken from the fragment, wiped from the address bar at once
 * (history, bookmarks, a shoulder), and exchanged for the session cookie.
 */
export function AdminApp() {
  const [state, setState] = createSignal<State>({ kind: "loading", signingIn: false });
  createEffect(() => {
    document.documentElement.lang = language();
    document.title = ta("admin.title");
  });

  async function start(token: string | null) {
    setState({ kind: "loading", signingIn: token !== null });
    try {
      const me = token
        ? await adminPost<OrganizerMe>("/api/admin/auth/signin", { token } satisfies SignInRequest)
        : await adminApi<OrganizerMe>("/api/admin/auth/me");
      if (token || location.pathname.startsWith(SIGNIN_PATH)) history.replaceState(null, "", "/admin");
      setState({ kind: "signedIn", me });
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) {
        setState({ kind: "signedOut", ...(token ? { problem: "linkInvalid" as const } : {}) });
      } else if (token && isStatus(err, 409)) {
        setState({ kind: "otherSignedIn", token });
      } else {
        setState({ kind: "failed", reason: errorText(err), retry: () => void start(token) });
      }
    }
  }

  /** Takes a sign-in token from the address, if it holds one; false when it holds none. */
  function takeFragment(): boolean {
    const fragment = signInFragment(location.pathname, location.hash);
    if (fragment.kind === "none") return false;
    history.replaceState(null, "", SIGNIN_PATH);
    if (fragment.kind === "malformed") setState({ kind: "signedOut", problem: "linkInvalid" });
    else void start(fragment.token);
    return true;
  }
  onMount(() => {
    if (!takeFragment()) void start(null);
  });
  // A link pasted into this tab while it shows the sign-in page changes only the fragment: no
  // reload, so the page has to notice it.
  const onHashChange = () => void takeFragment();
  window.addEventListener("hashchange", onHashChange);
  onCleanup(() => window.removeEventListener("hashchange", onHashChange));
  // A sign-in that ends while the page is open (idle expiry, "sign out everywhere" elsewhere).
  onSignedOut(() => {
    if (state().kind === "signedIn") setState({ kind: "signedOut", problem: "expired" });
  });
  onCleanup(() => onSignedOut(undefined));

  /** The person chose the link over the sign-in this browser had: sign that out, then use the link. */
  async function signOutAndContinue(token: string) {
    setState({ kind: "loading", signingIn: true });
    try {
      await adminPost("/api/admin/auth/signout");
    } catch {
      // Signed out already (401): the link is used all the same; anything else, its own answer says.
    }
    await start(token);
  }

  return (
    <Switch>
      <Match when={state().kind === "signedIn" && (state() as { me: OrganizerMe }).me} keyed>
        {(me) => (
          <Console
            me={me}
            notice={(state() as { notice?: string }).notice}
            onMe={(next, notice) => setState({ kind: "signedIn", me: next, ...(notice ? { notice } : {}) })}
            onSignedOut={() => setState({ kind: "signedOut" })}
          />
        )}
      </Match>
      <Match when={state().kind === "signedOut"}>
        <Shell title={ta("admin.title")}>
          <SignIn
            problem={(state() as { problem?: SignInProblem }).problem}
            onSignedIn={(me) => {
              if (location.pathname.startsWith(SIGNIN_PATH)) history.replaceState(null, "", "/admin");
              setState({ kind: "signedIn", me });
            }}
          />
        </Shell>
      </Match>
      <Match when={state().kind === "failed" && (state() as Extract<State, { kind: "failed" }>)}>
        {(failed) => (
          <Shell title={ta("admin.title")}>
            <section class="card narrow">
              <p role="alert">{ta("admin.failed", { reason: failed().reason })}</p>
              <button type="button" onClick={() => failed().retry()}>
                {ta("admin.retry")}
              </button>
            </section>
          </Shell>
        )}
      </Match>
      <Match when={state().kind === "otherSignedIn" && (state() as Extract<State, { kind: "otherSignedIn" }>)}>
        {(other) => (
          <Shell title={ta("admin.title")}>
            <section class="card narrow" aria-labelledby="other-signed-in-heading">
              <h1 id="other-signed-in-heading">{ta("admin.signin.heading")}</h1>
              <p role="alert">{ta("admin.error.signedInAsOther")}</p>
              <p>{ta("admin.signin.otherHelp")}</p>
              <div class="toolbar">
                <button type="button" onClick={() => void signOutAndContinue(other().token)}>
                  {ta("admin.signin.signOutAndContinue")}
                </button>
                <button type="button" class="secondary" onClick={() => void start(null)}>
                  {ta("admin.signin.stay")}
                </button>
              </div>
            </section>
          </Shell>
        )}
      </Match>
      <Match when={state().kind === "loading"}>
        <Shell title={ta("admin.title")}>
          <p class="card narrow" role="status">
            {(state() as { signingIn?: boolean }).signingIn ? ta("admin.signin.signingIn") : ta("admin.loading")}
          </p>
        </Shell>
      </Match>
    </Switch>
  );
}
