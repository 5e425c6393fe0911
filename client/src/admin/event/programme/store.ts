import { createSignal } from "solid-js";
import type { AdminSession } from "../../../../../core/contract/index";
import { adminApi, adminDelete, adminPatch, adminPost } from "../../api";
import type { Span } from "./timeline";

/** A session's times as epoch ms, for the timeline's arithmetic. */
export const spanOf = (s: Pick<AdminSession, "startsAt" | "endsAt">): Span => ({
  startsAt: Date.parse(s.startsAt),
  endsAt: Date.parse(s.endsAt),
});

const withSpan = (s: AdminSession, span: Span): AdminSession => ({
  ...s,
  startsAt: new Date(span.startsAt).toISOString(),
  endsAt: new Date(span.endsAt).toISOString(),
});

/**
 * An event's sessions as the console shows them, with optimistic moves: a drag or a key press
 * shows at once and saves in the background; a save the server refuses puts the session back
 * where the server has it and reports why. Key presses in a row are saved once, after a pause,
 * so holding an arrow key sends one request rather than one per 5 minutes.
 */
export function createProgramme(eventId: () => string, onMoveFailed: (session: AdminSession, err: unknown) => void) {
  const [sessions, setSessions] = createSignal<AdminSession[]>([]);
  const [loading, setLoading] = createSignal(true);
  const [loadError, setLoadError] = createSignal<unknown>();
  /** What the server last said about each session: where a refused move goes back to. */
  const saved = new Map<string, AdminSession>();
  /** Bumped by every local change, so an older save's answer never overwrites a newer move. */
  const versions = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const base = () => `/api/admin/events/${encodeURIComponent(eventId())}/sessions`;

  const put = (session: AdminSession) =>
    setSessions((list) =>
      list.some((s) => s.id === session.id) ? list.map((s) => (s.id === session.id ? session : s)) : [...list, session],
    );

  async function load(): Promise<void> {
    setLoading(true);
    setLoadError(undefined);
    try {
      const { items } = await adminApi<{ items: AdminSession[] }>(base());
      saved.clear();
      for (const s of items) saved.set(s.id, s);
      setSessions(items);
    } catch (err) {
      setLoadError(err);
    } finally {
      setLoading(false);
    }
  }

  async function saveTimes(id: string): Promise<void> {
    timers.delete(id);
    const version = versions.get(id) ?? 0;
    const current = sessions().find((s) => s.id === id);
    if (!current) return;
    try {
      const answer = await adminPatch<AdminSession>(`${base()}/${encodeURIComponent(id)}`, {
        startsAt: current.startsAt,
        endsAt: current.endsAt,
      });
      saved.set(id, answer);
      if ((versions.get(id) ?? 0) === version) put(answer);
    } catch (err) {
      if ((versions.get(id) ?? 0) !== version) return; // a newer move is on its way and decides
      const before = saved.get(id);
      if (before) put(before);
      onMoveFailed(before ?? current, err);
    }
  }

  /** Shows new times at once; saves them after `delayMs` (0: now) unless another change comes first. */
  function move(id: string, span: Span, delayMs: number): void {
    const current = sessions().find((s) => s.id === id);
    if (!current) return;
    versions.set(id, (versions.get(id) ?? 0) + 1);
    put(withSpan(current, span));
    clearTimeout(timers.get(id));
    timers.set(
      id,
      setTimeout(() => void saveTimes(id), delayMs),
    );
  }

  /** Shows times while a drag is under way, without saving. */
  function preview(id: string, span: Span): void {
    const current = sessions().find((s) => s.id === id);
    if (current) put(withSpan(current, span));
  }

  /** Puts a session back where it was shown before a drag that was called off. */
  function restore(session: AdminSession): void {
    put(session);
  }

  async function create(body: Record<string, unknown>): Promise<AdminSession> {
    const created = await adminPost<AdminSession>(base(), body);
    saved.set(created.id, created);
    put(created);
    return created;
  }

  async function update(id: string, body: Record<string, unknown>): Promise<AdminSession> {
    const changed = await adminPatch<AdminSession>(`${base()}/${encodeURIComponent(id)}`, body);
    versions.set(id, (versions.get(id) ?? 0) + 1);
    saved.set(id, changed);
    put(changed);
    return changed;
  }

  async function remove(id: string): Promise<void> {
    await adminDelete(`${base()}/${encodeURIComponent(id)}`);
    saved.delete(id);
    setSessions((list) => list.filter((s) => s.id !== id));
  }

  return { sessions, loading, loadError, load, move, preview, restore, create, update, remove };
}

export type Programme = ReturnType<typeof createProgramme>;
