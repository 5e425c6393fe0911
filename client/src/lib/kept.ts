import { createSignal, type Accessor } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { ApiFailure } from "./api";

/** A document the page loads once and then refreshes while it stays open. */
export interface Kept<T extends object> {
  /** The latest value, as a store: a refresh notifies only the fields that changed. */
  value: Accessor<T | undefined>;
  /** Set when the first load failed, or when the person is no longer signed in. */
  error: Accessor<unknown>;
  load(): Promise<void>;
}

/**
 * Keeps a server document (who this is, the programme) for a page that lives for hours. Each
 * load is reconciled into one store, keyed by `id` in its arrays: an item whose fields did not
 * change keeps its identity and notifies nobody, so live views below it (a call, the stage
 * player, a typed draft) are never rebuilt by a refresh. A refresh that fails keeps what the
 * page has (the next one tries again); only a failed first load, or a 401, is an error.
 */
export function createKept<T extends object>(fetcher: () => Promise<T>, onLoaded?: (value: T) => void): Kept<T> {
  const [store, setStore] = createStore<{ value?: T }>({});
  const [error, setError] = createSignal<unknown>();
  let loaded = false;
  return {
    value: () => store.value,
    error,
    async load() {
      try {
        const next = await fetcher();
        onLoaded?.(next);
        setStore("value", reconcile(next, { key: "id", merge: true }) as never);
        loaded = true;
        setError(undefined);
      } catch (e) {
        if (!loaded || (e instanceof ApiFailure && e.status === 401)) setError(e);
      }
    },
  };
}
