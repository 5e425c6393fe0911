import { createSignal, Show } from "solid-js";
import type { OrganizerMe, SignInLinkRequest } from "../../../core/contract/organizers";
import { language } from "../i18n";
import { adminPost, fieldError, isStatus } from "./api";
import { ta } from "./i18n";
import { passkeyProblem, passkeysAvailable, signInWithPasskey } from "./passkeys";

export type SignInProblem = "linkInvalid" | "expired";

/**
 * Sign-in without a password: the person asks for a link by e-mail. The answer is the same
 * whether or not the address has an account, so the page cannot be used to find out who does.
 * Where the browser has WebAuthn (`window.PublicKeyCredential`), a passkey added before signs in
 * with one button: no address needed, the passkey says who it is.
 */
export function SignIn(props: { problem?: SignInProblem | undefined; onSignedIn(me: OrganizerMe): void }) {
  const [sent, setSent] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [emailError, setEmailError] = createSignal<string>();
  const [formError, setFormError] = createSignal<string>();
  let sentMessage: HTMLParagraphElement | undefined;
  let emailInput: HTMLInputElement | undefined;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget as HTMLFormElement).get("email") ?? "").trim();
    setEmailError(undefined);
    setFormError(undefined);
    setBusy(true);
    try {
      await adminPost("/api/admin/auth/link", { email, language: language() } satisfies SignInLinkRequest);
      setSent(true);
      // The form goes away: focus moves to what replaced it, so keyboard users are not lost.
      sentMessage?.focus();
    } catch (err) {
      const onField = fieldError(err, "email");
      if (onField) {
        setEmailError(onField);
        emailInput?.focus();
      } else if (isStatus(err, 429)) setFormError(ta("admin.signin.tooMany"));
      else setFormError(ta("admin.failed", { reason: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  const [passkeyBusy, setPasskeyBusy] = createSignal(false);
  const [passkeyError, setPasskeyError] = createSignal<string>();

  async function passkey() {
    setPasskeyError(undefined);
    setPasskeyBusy(true);
    try {
      props.onSignedIn(await signInWithPasskey());
    } catch (err) {
      const problem = passkeyProblem(err);
      setPasskeyError(
        problem === "cancelled"
          ? ta("admin.passkey.cancelled")
          : problem === "invalid"
            ? ta("admin.passkey.invalid")
            : problem === "tooMany"
              ? ta("admin.passkey.tooMany")
              : ta("admin.failed", { reason: (err as Error).message }),
      );
    } finally {
      setPasskeyBusy(false);
    }
  }

  return (
    <section class="card narrow" aria-labelledby="signin-heading">
      <h1 id="signin-heading">{ta("admin.signin.heading")}</h1>
      <Show when={props.problem === "linkInvalid"}>
        <p class="warning" role="alert">
          {ta("admin.signin.linkInvalid")}
        </p>
      </Show>
      <Show when={props.problem === "expired"}>
        <p class="warning" role="status">
          {ta("admin.signin.expired")}
        </p>
      </Show>
      <Show
        when={!sent()}
        fallback={
          <>
            <p ref={sentMessage} tabindex="-1" role="status">
              {ta("admin.signin.sent")}
            </p>
            <button type="button" class="secondary" onClick={() => setSent(false)}>
              {ta("admin.signin.again")}
            </button>
          </>
        }
      >
        <form onSubmit={submit} novalidate>
          <p>{ta("admin.signin.intro")}</p>
          <div class="field">
            <label for="signin-email">{ta("admin.signin.email")}</label>
            <input
              ref={emailInput}
              id="signin-email"
              name="email"
              type="email"
              required
              autocomplete="email"
              maxLength={254}
              aria-invalid={emailError() ? "true" : undefined}
              aria-describedby={emailError() ? "signin-email-error" : undefined}
            />
            <Show when={emailError()}>
              <p id="signin-email-error" class="field-error">
                {emailError()}
              </p>
            </Show>
          </div>
          <p role="alert" class="field-error">
            {formError()}
          </p>
          <button type="submit" disabled={busy()}>
            {ta("admin.signin.submit")}
          </button>
        </form>
        <Show when={passkeysAvailable()}>
          <div class="passkey-signin">
            <p id="passkey-signin-hint" class="muted">
              {ta("admin.passkey.or")}
            </p>
            <button
              type="button"
              class="secondary"
              disabled={passkeyBusy()}
              aria-describedby={passkeyError() ? "passkey-signin-hint passkey-signin-error" : "passkey-signin-hint"}
              onClick={() => void passkey()}
            >
              {ta("admin.passkey.signIn")}
            </button>
            <p id="passkey-signin-error" role="alert" class="field-error">
              {passkeyError()}
            </p>
          </div>
        </Show>
      </Show>
    </section>
  );
}
