import { charCount } from "../protocol/limits";
import { ok, refuse, type Outcome } from "./outcome";

// C0/C1 controls, bidi overrides and zero-width joiners-as-spoofing are dropped; tabs become spaces.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Cleans user text before it is stored: line endings unified, control and bidi-override
 * characters removed (they can disguise what a message says), ends trimmed, and single-line
 * fields flattened. Refuses empty text and text over `maxChars` characters.
 */
export function cleanText(raw: string, maxChars: number, { multiline = false, field = "text" } = {}): Outcome<string> {
  let text = raw.replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(CONTROL, "");
  text = multiline ? text.replace(/\n{3,}/g, "\n\n") : text.replace(/\s+/g, " ");
  text = text.trim();
  if (text.length === 0) return refuse("bad_frame", "Write something first.", { field });
  if (charCount(text) > maxChars) return refuse("bad_frame", `This is limited to ${maxChars} characters.`, { field });
  return ok(text);
}
