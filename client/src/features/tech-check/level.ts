/**
 * The microphone level the tech check shows and judges by: one number for both, so the bar can
 * never be empty while the check says it hears the person. Pure (no audio APIs), unit-tested.
 *
 * Speech, like Chromium's fake microphone (a 20 ms beep every half second), is bursts with gaps.
 * The raw loudness of one animation frame is zero most of the time, so showing it made the bar
 * flicker between full and empty, mostly empty. Sound meters show a level that rises at once and
 * falls back slowly (a peak meter's release); this is that level.
 */

/** A working, unmuted microphone picks up at least this much (RMS of the signal, 0…1). */
export const HEARD_RMS = 0.01;

/** The shown level halves in this long once the sound stops: it bridges the gaps between words. */
export const RELEASE_HALF_LIFE_MS = 500;

/** The quietest level the bar shows at all; the bar is in decibels from here to full scale. */
const FLOOR_DB = -60;

/** The next shown level: a louder frame shows at once; a quieter one lets the level fall back. */
export function nextLevel(shown: number, rms: number, elapsedMs: number): number {
  const released = shown * 0.5 ** (Math.max(0, elapsedMs) / RELEASE_HALF_LIFE_MS);
  return Math.max(rms, released);
}

/** Whether this level counts as hearing the person. */
export const heard = (level: number): boolean => level >= HEARD_RMS;

/**
 * How full the bar is (0…1) for a level. Loudness is heard in decibels: on a linear scale quiet
 * speech that is plainly heard (RMS 0.01, −40 dB) would fill a few pixels. Here it fills a third.
 */
export function barFill(level: number): number {
  if (level <= 0) return 0;
  const db = 20 * Math.log10(level);
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}

/** Where the bar starts to mean "we hear you" (the meter's `low` mark). */
export const HEARD_FILL = barFill(HEARD_RMS);
