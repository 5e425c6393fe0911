import { createSignal, onMount } from "solid-js";
import type { CreatedApiToken } from "../../../../core/contract/organizers";
import { ta } from "../i18n";

/**
 * The new token's secret, shown this once: Foyer keeps only its hash, so a secret not copied now
 * means a new token. Read-only (selectable, not editable) with a copy button.
 */
export function TokenSecret(props: { created: CreatedApiToken; onDone: () => void }) {
  const [copied, setCopied] = createSignal<"yes" | "no">();
  let field!: HTMLInputElement;
  let heading!: HTMLHeadingElement;
  onMount(() => heading.focus());

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.created.secret);
      setCopied("yes");
    } catch {
      // No clipboard permission (or no secure context): select it for the person to copy.
      field.select();
      setCopied("no");
    }
  }

  return (
    <section class="card token-secret" aria-labelledby="token-secret-heading">
      <h2 id="token-secret-heading" ref={heading} tabindex="-1">
        {ta("admin.tokens.secret.heading", { name: props.created.token.name })}
      </h2>
      <p class="warning" id="token-secret-warning">
        {ta("admin.tokens.secret.warning")}
      </p>
      <div class="field">
        <label for="token-secret">{ta("admin.tokens.secret.label")}</label>
        <input
          ref={field}
          id="token-secret"
          type="text"
          readOnly
          value={props.created.secret}
          aria-describedby="token-secret-warning"
          autocomplete="off"
          spellcheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div class="toolbar">
        <button type="button" onClick={copy}>
          {ta("admin.tokens.secret.copy")}
        </button>
        <button type="button" class="secondary" onClick={() => props.onDone()}>
          {ta("admin.tokens.secret.done")}
        </button>
      </div>
      <p role="status">
        {copied() === "yes"
          ? ta("admin.tokens.secret.copied")
          : copied() === "no"
            ? ta("admin.tokens.secret.selectIt")
            : ""}
      </p>
    </section>
  );
}
