import { createSignal, Show } from "solid-js";
import { type AdminBranding, LogoTypes, MAX_LOGO_BYTES } from "../../../../../core/contract/branding";
import { ApiFailure } from "../../../lib/api";
import { adminApi } from "../../api";
import { errorText } from "../../errors";
import { ta } from "../../i18n";

/**
 * The logo: the current one (with the event's title as its text alternative, as the pages show
 * it), a file to upload in its place, and removing it. The type and size are checked here for a
 * quick answer; the server checks the file's own bytes.
 */
export function LogoSection(props: {
  path: string;
  branding: AdminBranding;
  title: string;
  canEdit: boolean;
  onSaved: (b: AdminBranding) => void;
}) {
  let input!: HTMLInputElement;
  const [problem, setProblem] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal("");

  async function run(action: () => Promise<AdminBranding>, message: string, bytes = 0) {
    setProblem("");
    setDone("");
    setBusy(true);
    try {
      props.onSaved(await action());
      setDone(message);
      input.value = "";
    } catch (err) {
      setProblem(
        err instanceof ApiFailure && err.fields.logo
          ? ta(err.status === 413 ? "admin.branding.logoSize" : "admin.branding.logoType", {
              size: String(Math.ceil(bytes / 1024)),
            })
          : errorText(err),
      );
      input.focus();
    } finally {
      setBusy(false);
    }
  }

  function upload(e: SubmitEvent) {
    e.preventDefault();
    const file = input.files?.[0];
    const refuse = (text: string) => {
      setDone("");
      setProblem(text);
      input.focus();
    };
    if (!file) return refuse(ta("admin.branding.logoChooseFirst"));
    if (!(LogoTypes as readonly string[]).includes(file.type)) return refuse(ta("admin.branding.logoType"));
    if (file.size > MAX_LOGO_BYTES)
      return refuse(ta("admin.branding.logoSize", { size: String(Math.ceil(file.size / 1024)) }));
    void run(
      () =>
        adminApi<AdminBranding>(`${props.path}/logo`, {
          method: "PUT",
          body: file,
          headers: { "Content-Type": file.type },
        }),
      ta("admin.branding.logoSaved"),
      file.size,
    );
  }

  return (
    <section class="card" aria-labelledby="branding-logo-heading">
      <h2 id="branding-logo-heading">{ta("admin.branding.logo")}</h2>
      <Show when={props.branding.logo} fallback={<p class="muted">{ta("admin.branding.logoNone")}</p>}>
        {(logo) => (
          <div class="logo-current">
            <img src={logo().url} alt={props.title} data-testid="branding-logo" />
            <span class="muted">{ta("admin.branding.logoCurrent")}</span>
          </div>
        )}
      </Show>
      <Show when={props.canEdit}>
        <form onSubmit={upload} novalidate>
          <div class="field">
            <label for="branding-logo-file">{ta("admin.branding.logoFile")}</label>
            <input
              ref={input}
              id="branding-logo-file"
              type="file"
              accept={LogoTypes.join(",")}
              aria-invalid={problem() ? "true" : undefined}
              aria-describedby={problem() ? "branding-logo-error" : undefined}
              onChange={() => setProblem("")}
            />
            <Show when={problem()}>
              <p id="branding-logo-error" class="field-error" role="alert">
                {problem()}
              </p>
            </Show>
          </div>
          <div class="branding-actions">
            <button type="submit" class="primary" disabled={busy()}>
              {ta(busy() ? "admin.branding.logoUploading" : "admin.branding.logoUpload")}
            </button>
            <Show when={props.branding.logo}>
              <button
                type="button"
                class="secondary"
                disabled={busy()}
                onClick={() =>
                  void run(
                    () => adminApi<AdminBranding>(`${props.path}/logo`, { method: "DELETE" }),
                    ta("admin.branding.logoRemoved"),
                  )
                }
              >
                {ta("admin.branding.logoRemove")}
              </button>
            </Show>
          </div>
        </form>
      </Show>
      <p role="status">{done()}</p>
    </section>
  );
}
