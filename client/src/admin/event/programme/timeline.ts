import { SessionKinds, type SessionKind } from "../../../../../core/protocol/identity";

/**
 * The programme timeline's arithmetic, pure (unit tested): the event's days and each day's window
 * in the event's time zone, times ↔ pixels, snapping to 5 minutes, moving and resizing a block,
 * the keyboard's version of dragging, and packing blocks into lanes.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const SNAP = 5 * MINUTE;

/**
 * To the nearest 5 minutes. Every time zone's offset is a whole multiple of 5 minutes (even
 * +05:45 and +12:45), so the 5-minute grid of UTC is the grid of the event's clock too.
 */
export const snap = (ms: number): number => Math.round(ms / SNAP) * SNAP;

export interface Span {
  startsAt: number;
  endsAt: number;
}

const partsOf = (instant: number, timeZone: string) => {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "00";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
};

/** How far the zone's clock is ahead of UTC at that instant. */
export function offsetAt(instant: number, timeZone: string): number {
  const { date, time } = partsOf(instant, timeZone);
  return Date.parse(`${date}T${time}:00Z`) - Math.floor(instant / MINUTE) * MINUTE;
}

/** "2026-11-25T14:05" as the zone's clock shows the instant (for `<input type="datetime-local">`). */
export function localInput(instant: number, timeZone: string): string {
  const { date, time } = partsOf(instant, timeZone);
  return `${date}T${time}`;
}

/** The local date "2026-11-25" of an instant in the zone. */
export const localDate = (instant: number, timeZone: string): string => partsOf(instant, timeZone).date;

/**
 * The instant the zone's clock shows `local` ("2026-11-25T14:05"). Two passes settle the offset
 * around a daylight-saving change; a time that does not exist (skipped by the change) lands after it.
 */
export function instantOf(local: string, timeZone: string): number {
  const wall = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  if (Number.isNaN(wall)) return Number.NaN;
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}

const nextDate = (date: string): string =>
  new Date(Date.parse(`${date}T12:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);

/** The event's days in its zone, and any day a session of it is on (so none is unreachable). */
export function programmeDays(event: Span, sessions: readonly Span[], timeZone: string): string[] {
  const days = new Set<string>();
  const last = localDate(event.endsAt - 1, timeZone);
  for (let d = localDate(event.startsAt, timeZone); d <= last; d = nextDate(d)) days.add(d);
  for (const s of sessions) {
    const end = localDate(Math.max(s.startsAt, s.endsAt - 1), timeZone);
    for (let d = localDate(s.startsAt, timeZone); d <= end; d = nextDate(d)) days.add(d);
  }
  return [...days].sort();
}

const floorHour = (instant: number, timeZone: string) => {
  const offset = offsetAt(instant, timeZone);
  return Math.floor((instant + offset) / HOUR) * HOUR - offset;
};
const ceilHour = (instant: number, timeZone: string) => {
  const floor = floorHour(instant, timeZone);
  return floor === instant ? floor : floorHour(instant + HOUR, timeZone);
};

/**
 * The stretch of `day` the timeline shows: whole hours from the earliest to the latest of the
 * event and the day's sessions, within the day; at least two hours.
 */
export function dayWindow(day: string, event: Span, sessions: readonly Span[], timeZone: string): Span {
  const dayStart = instantOf(`${day}T00:00`, timeZone);
  const dayEnd = instantOf(`${nextDate(day)}T00:00`, timeZone);
  const onDay = [event, ...sessions].filter((s) => s.startsAt < dayEnd && s.endsAt > dayStart);
  const from = Math.max(dayStart, Math.min(...onDay.map((s) => s.startsAt), dayEnd - 2 * HOUR));
  const to = Math.min(dayEnd, Math.max(...onDay.map((s) => s.endsAt), from + 2 * HOUR));
  return { startsAt: floorHour(from, timeZone), endsAt: Math.min(dayEnd, ceilHour(to, timeZone)) };
}

/**
 * Pixels per minute on the timeline: an hour is 240 px, so 5 minutes (one snap) is 20 px, a step
 * a hand can hit; a four-hour event fills a laptop's width, a long day scrolls.
 */
export const PX_PER_MINUTE = 4;

export const xOf = (instant: number, window: Span): number => ((instant - window.startsAt) / MINUTE) * PX_PER_MINUTE;
export const widthOf = (span: Span): number => ((span.endsAt - span.startsAt) / MINUTE) * PX_PER_MINUTE;
export const msOfPx = (px: number): number => (px / PX_PER_MINUTE) * MINUTE;

export interface Drawn {
  /** The part of the session inside the window: what the block covers. */
  span: Span;
  /** It began before the window (the day before) or goes on after it (past midnight). */
  before: boolean;
  after: boolean;
}

/**
 * A session as the day's timeline draws it: cut at the window's edges, as Google Calendar draws a
 * session across midnight on both days, each day's part to or from midnight. Unclipped, the next
 * day's block began left of the canvas with its title out of reach of the scroll.
 */
export function drawn(span: Span, window: Span): Drawn {
  const before = span.startsAt < window.startsAt;
  const after = span.endsAt > window.endsAt;
  return {
    span: {
      startsAt: before ? window.startsAt : span.startsAt,
      endsAt: after ? window.endsAt : span.endsAt,
    },
    before,
    after,
  };
}

/** The whole hours of a window, for the ruler. */
export function hoursOf(window: Span, timeZone: string): number[] {
  const hours: number[] = [];
  for (let t = ceilHour(window.startsAt, timeZone); t <= window.endsAt; t = floorHour(t + HOUR + MINUTE, timeZone)) {
    hours.push(t);
  }
  return hours;
}

/** A block dragged by `delta` ms: its start snapped, its length kept. */
export function moved(span: Span, delta: number): Span {
  const startsAt = snap(span.startsAt + delta);
  return { startsAt, endsAt: startsAt + (span.endsAt - span.startsAt) };
}

/** A block whose `edge` was dragged to `at`: snapped, and never shorter than 5 minutes. */
export function resized(span: Span, edge: "start" | "end", at: number): Span {
  const to = snap(at);
  return edge === "end"
    ? { startsAt: span.startsAt, endsAt: Math.max(to, span.startsAt + SNAP) }
    : { startsAt: Math.min(to, span.endsAt - SNAP), endsAt: span.endsAt };
}

export type KeyOutcome = { change: Span } | { edit: true } | null;

/**
 * The keyboard's drag, on a focused block: ←/→ move it 5 minutes; with Shift they shorten or
 * lengthen it by its end; Enter opens its editor. Anything else is left to the browser.
 */
export function keyOutcome(key: string, shift: boolean, span: Span): KeyOutcome {
  switch (key) {
    case "ArrowLeft":
    case "ArrowRight": {
      const step = key === "ArrowLeft" ? -SNAP : SNAP;
      return { change: shift ? resized(span, "end", span.endsAt + step) : moved(span, step) };
    }
    case "Enter":
      return { edit: true };
    default:
      return null;
  }
}

export interface Placed<T> {
  item: T;
  /** The row within its lane: parallel sessions of one kind stack. */
  row: number;
}

export interface Lane<T> {
  kind: SessionKind;
  rows: number;
  blocks: Placed<T>[];
}

/**
 * One lane per kind of session, in the kinds' order; within a lane, sessions that run at the same
 * time go on rows of their own (the first row that is free), so parallel breakouts read as tracks.
 */
export function lanesOf<T extends Span & { id: string; kind: SessionKind }>(sessions: readonly T[]): Lane<T>[] {
  return SessionKinds.map((kind) => {
    const ends: number[] = [];
    const blocks = sessions
      .filter((s) => s.kind === kind)
      .sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id))
      .map((item) => {
        let row = ends.findIndex((end) => end <= item.startsAt);
        if (row < 0) row = ends.length;
        ends[row] = item.endsAt;
        return { item, row };
      });
    return { kind, rows: Math.max(1, ends.length), blocks };
  });
}
