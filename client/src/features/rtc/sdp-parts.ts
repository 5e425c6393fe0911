import { SDP_MAX_PARTS, SDP_PART_CHARS, type RtcSignal } from "../../../../core/protocol/rtc";

type DescriptionPart = Extract<RtcSignal, { kind: "description" }>;

/** Splits a description into frames small enough for the live connection. */
export function splitDescription(type: "offer" | "answer", sdp: string, nonce: string): DescriptionPart[] {
  const parts = Math.max(1, Math.ceil(sdp.length / SDP_PART_CHARS));
  if (parts > SDP_MAX_PARTS) throw new Error(`SDP of ${sdp.length} characters is too large to signal`);
  return Array.from({ length: parts }, (_, part) => ({
    kind: "description",
    nonce,
    type,
    part,
    parts,
    sdp: sdp.slice(part * SDP_PART_CHARS, (part + 1) * SDP_PART_CHARS),
  }));
}

/** Collects parts per sender; returns the whole description once its last part arrived. */
export class DescriptionAssembler {
  private readonly pending = new Map<string, { parts: string[]; got: number }>();

  add(from: string, part: DescriptionPart): { type: "offer" | "answer"; sdp: string } | undefined {
    const key = `${from}/${part.nonce}`;
    let entry = this.pending.get(key);
    if (!entry) {
      // A new description from this sender supersedes any unfinished older one.
      for (const k of this.pending.keys()) if (k.startsWith(`${from}/`)) this.pending.delete(k);
      entry = { parts: new Array<string>(part.parts).fill(""), got: 0 };
      this.pending.set(key, entry);
    }
    if (part.part >= entry.parts.length) return undefined;
    if (entry.parts[part.part] === "") entry.got++;
    entry.parts[part.part] = part.sdp;
    if (entry.got < entry.parts.length) return undefined;
    this.pending.delete(key);
    return { type: part.type, sdp: entry.parts.join("") };
  }
}
