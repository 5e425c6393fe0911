import { createSignal, For, Show } from "solid-js";
import { type InviteMemberRequest, ORGANIZER_ROLES, type OrganizerRole } from "../../../../core/contract/organizers";
import type { Language } from "../../../../core/protocol/identity";
import type { ScopedEvent } from "../access";
import { adminPost, fieldError, namesNoneOf } from "../api";
import { errorText } from "../errors";
import { ta } from "../i18n";
import { EventChoice } from "./EventChoice";

const FIELDS = ["name", "email", "role", "eventIds", "language"] as const;

/** What a new invitation offers: the everyday role, for all of the workspace's events. */
const DEFAULT_ROLE: OrganizerRole = "organizer";

/** Invite someone by e-mail: they get a sign-in link, and the workspace a new member. */
export function InviteForm(props: {
  path: string;
  events: ScopedEvent[];
  language: Language;
  /** The invitation is being sent: a new action, whatever the page said before no longer applies. */
  onStart?: () => void;
  onInvited: (invite: InviteMemberRequest) => Promise<void>;
}) {
  const [error, setError] = createSignal<unknown>();
  const [busy, setBusy] = createSignal(false);
  // Controlled, so that after an invitation they go back to the usual choice (organizer, all
  // events): form.reset() alone would put a select back on its first option (Owner).
  const [role, setRole] = createSignal<OrganizerRole>(DEFAULT_ROLE);
  const [eventIds, setEventIds] = createSignal<string[] | null>(null);
  const errorOf = (field: (typeof FIELDS)[number]) => fieldError(error(), field);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const invite: InviteMemberRequest = {
      name: String(data.get("name") ?? "").trim(),
      email: String(data.get("email") ?? "").trim(),
      role: role(),
      eventIds: eventIds(),
      language: String(data.get("language")) as Language,
    };
    setError(undefined);
    props.onStart?.();
    setBusy(true);
    try {
      await adminPost(props.path, invite);
      // Not form.reset(): that puts every select on its first option (Owner, English) behind the
      // signals' back. Only the person is cleared; role and events go back to the usual choice.
      for (const name of ["name", "email"]) (form.elements.namedItem(name) as HTMLInputElement).value = "";
      setRole(DEFAULT_ROLE);
      setEventIds(null);
      await props.onInvited(invite);
    } catch (err) {
      setError(err);
      const first = FIELDS.find((f) => fieldError(err, f));
      // The event limit is a fieldset: its chosen radio takes focus, not the (unfocusable) group.
      const target = first ? form.querySelector<HTMLElement>(`#invite-${first}`) : null;
      (target instanceof HTMLFieldSetElement
        ? target.querySelector<HTMLElement>("input:checked, input")
        : target
      )?.focus();
    } finally {
      setBusy(false);
    }
  }

  const described = (field: (typeof FIELDS)[number]) => ({
    "aria-invalid": errorOf(field) ? ("true" as const) : undefined,
    "aria-describedby": errorOf(field) ? `invite-${field}-error` : undefined,
  });
  const ErrorText = (p: { field: (typeof FIELDS)[number] }) => (
    <Show when={errorOf(p.field)}>
      {(message) => (
        <p id={`invite-${p.field}-error`} class="field-error">
          {message()}
        </p>
      )}
    </Show>
  );

  return (
    <section class="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{ta("admin.invite.heading")}</h2>
      <form onSubmit={submit} novalidate>
        <div class="field">
          <label for="invite-name">{ta("admin.invite.name")}</label>
          <input
            id="invite-name"
            name="name"
            type="text"
            required
            maxLength={100}
            autocomplete="off"
            {...described("name")}
          />
          <ErrorText field="name" />
        </div>
        <div class="field">
          <label for="invite-email">{ta("admin.invite.email")}</label>
          <input
            id="invite-email"
            name="email"
            type="email"
            required
            maxLength={254}
            autocomplete="off"
            {...described("email")}
          />
          <ErrorText field="email" />
        </div>
        <div class="field">
          <label for="invite-role">{ta("admin.invite.role")}</label>
          <select
            id="invite-role"
            name="role"
            value={role()}
            onChange={(e) => setRole(e.currentTarget.value as OrganizerRole)}
            {...described("role")}
          >
            <For each={ORGANIZER_ROLES}>{(r) => <option value={r}>{ta(`admin.orgRole.${r}`)}</option>}</For>
          </select>
          <p class="muted">{ta("admin.invite.roleHelp")}</p>
          <ErrorText field="role" />
        </div>
        <EventChoice
          id="invite-eventIds"
          legend={ta("admin.invite.events")}
          events={props.events}
          value={eventIds()}
          onChange={setEventIds}
          error={errorOf("eventIds")}
        />
        <div class="field">
          <label for="invite-language">{ta("admin.invite.language")}</label>
          <select id="invite-language" name="language" value={props.language} {...described("language")}>
            <option value="en">{ta("admin.language.en")}</option>
            <option value="nl">{ta("admin.language.nl")}</option>
          </select>
          <ErrorText field="language" />
        </div>
        <p role="alert" class="field-error">
          {error() && namesNoneOf(error(), FIELDS) ? errorText(error()) : ""}
        </p>
        <button type="submit" disabled={busy()}>
          {ta("admin.invite.submit")}
        </button>
      </form>
    </section>
  );
}
