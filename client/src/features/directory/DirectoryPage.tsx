import { createResource, createSignal, For, onCleanup, Show } from "solid-js";
import type {
  ContactsResponse,
  DirectoryEntry,
  DirectoryPage as Page,
  PreferencesResponse,
} from "../../../../core/contract/networking";
import { t, withChosenLanguage } from "../../i18n";
import { api } from "../../lib/api";
import { ErrorNote } from "../session/ErrorNote";
import type { Hub } from "../hub/hub";
import { Preferences } from "./Preferences";
import { PersonCardView } from "./PersonCardView";
import "../../i18n/networking";
import "./directory.css";

const SEARCH_DELAY_MS = 300;

/**
 * The event's directory: the person's own choices (listed, invitations), search by name or
 * organisation with paging, an invite button per card, the people they blocked, and their
 * contacts. Self-contained: the portal hosts it with the hub. Loaded lazily.
 */
export default function DirectoryPage(props: { hub: Hub }) {
  const [prefs, { mutate: setPrefs }] = createResource(() => api<PreferencesResponse>("/api/me/preferences"));
  const [query, setQuery] = createSignal("");
  const [items, setItems] = createSignal<DirectoryEntry[]>([]);
  const [next, setNext] = createSignal<string | null>(null);
  const [attributes, setAttributes] = createSignal<Page["attributes"]>([]);
  const [loading, setLoading] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const [contacts] = createResource(() => api<ContactsResponse>("/api/me/contacts"));

  let generation = 0;
  const load = async (cursor?: string) => {
    const mine = ++generation;
    setLoading(true);
    setFailure(undefined);
    try {
      const params = new URLSearchParams({
        limit: "20",
        ...(query() ? { q: query() } : {}),
        ...(cursor ? { cursor } : {}),
      });
      const page = await api<Page>(withChosenLanguage(`/api/me/directory?${params}`));
      // A slower answer to an older search must not overwrite a newer one.
      if (mine !== generation) return;
      setItems((list) => (cursor ? [...list, ...page.items] : page.items));
      setNext(page.nextCursor);
      setAttributes(page.attributes);
    } catch (err) {
      if (mine === generation) setFailure(t("directory.loadFailed", { reason: (err as Error).message }));
    } finally {
      if (mine === generation) setLoading(false);
    }
  };
  void load();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onSearch = (value: string) => {
    setQuery(value);
    clearTimeout(timer);
    timer = setTimeout(() => void load(), SEARCH_DELAY_MS);
  };
  onCleanup(() => clearTimeout(timer));

  return (
    <section class="card directory" aria-labelledby="directory-heading">
      <h2 id="directory-heading">{t("directory.title")}</h2>
      <Show when={prefs()}>
        {(p) => (
          <Preferences prefs={p()} attributes={attributes().map((a) => a.label)} onChange={(next) => setPrefs(next)} />
        )}
      </Show>
      <div class="directory-search" role="search">
        <label for="directory-q">{t("directory.search")}</label>
        <input
          id="directory-q"
          type="search"
          value={query()}
          maxLength={100}
          autocomplete="off"
          onInput={(e) => onSearch(e.currentTarget.value)}
        />
      </div>
      <ErrorNote text={failure()} />
      <p class="muted" role="status" aria-live="polite">
        {loading() ? "" : items().length === 0 ? t("directory.empty") : t("directory.count", { count: items().length })}
      </p>
      <ul class="directory-list">
        <For each={items()}>
          {(entry) => (
            <PersonCardView
              entry={entry}
              hub={props.hub}
              labels={attributes()}
              moderator={prefs()?.card.role === "moderator"}
              onRemoved={() => setItems((list) => list.filter((x) => x.registrationId !== entry.registrationId))}
            />
          )}
        </For>
      </ul>
      <Show when={next()}>
        {(cursor) => (
          <button type="button" class="secondary" disabled={loading()} onClick={() => void load(cursor())}>
            {t("directory.more")}
          </button>
        )}
      </Show>
      <Show when={(props.hub.you()?.blocked.length ?? 0) > 0}>
        <h3>{t("directory.blocked")}</h3>
        <ul class="directory-blocked">
          <For each={props.hub.you()?.blocked ?? []}>
            {(person) => (
              <li>
                <span>{person.name}</span>{" "}
                <button
                  type="button"
                  class="link"
                  aria-label={t("directory.unblockLabel", { name: person.name })}
                  onClick={() =>
                    void props.hub.mutate({
                      type: "invite/block",
                      registrationId: person.registrationId,
                      blocked: false,
                    })
                  }
                >
                  {t("directory.unblock")}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <h3>{t("directory.contacts")}</h3>
      <Show when={(contacts()?.items.length ?? 0) > 0} fallback={<p class="muted">{t("directory.contactsEmpty")}</p>}>
        <ul class="directory-contacts">
          <For each={contacts()?.items ?? []}>
            {(c) => (
              <li>
                <strong>{c.name}</strong>
                {c.organisation ? ` (${c.organisation})` : ""} · <a href={`mailto:${c.email}`}>{c.email}</a>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
