import { createSignal, Match, Show, Switch } from "solid-js";
import { Shell } from "../components/Shell";
import { t } from "../i18n";
import { api, pageMeta } from "../lib/api";

type LinkStatus = "invalid" | "expired" | "revoked";

/** Shown at /j/:token when the server refused the link; the reason comes in a meta tag. */
export function LinkProblem() {
  const raw = pageMeta("link-status");
  const status: LinkStatus = raw === "expired" || raw === "revoked" ? raw : "invalid";
  return (
    <Shell>
      <section class="card narrow" data-link-status={status}>
        <h1>{t(`link.${status}.title`)}</h1>
        <p>{t(`link.${status}.body`)}</p>
        <Show when={status === "expired"}>
          <FreshLink />
        </Show>
      </section>
    </Shell>
  );
}

type Request =
  | { state: "idle" }
  | { state: "sending" }
  | { state: "sent"; email: string }
  | { state: "failed"; reason: string };

/**
 * An expired link is still authentic, so it can ask for a fresh one: the server mails it to the
 * registration's own address, never to whoever holds the old link.
 */
function FreshLink() {
  const [request, setRequest] = createSignal<Request>({ state: "idle" });
  const token = decodeURIComponent(location.pathname.replace(/^\/j\//, ""));
  async function send() {
    setRequest({ state: "sending" });
    try {
      const { emailedTo } = await api<{ emailedTo: string }>("/api/links/refresh", {
        method: "POST",
        body: JSON.stringify({ token }),
      });
      setRequest({ state: "sent", email: emailedTo });
    } catch (err) {
      setRequest({ state: "failed", reason: (err as Error).message });
    }
  }
  return (
    <>
      <Show when={request().state !== "sent"}>
        <button type="button" onClick={send} disabled={request().state === "sending"}>
          {request().state === "sending" ? t("link.expired.sending") : t("link.expired.send")}
        </button>
      </Show>
      <p role="status" class="fresh-link-status">
        <Switch>
          <Match when={request().state === "sent" && (request() as { email: string }).email}>
            {(email) => t("link.expired.sent", { email: email() })}
          </Match>
          <Match when={request().state === "failed" && (request() as { reason: string }).reason}>
            {(reason) => t("link.expired.failed", { reason: reason() })}
          </Match>
        </Switch>
      </p>
    </>
  );
}
