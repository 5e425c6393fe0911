import { defineSlice } from "../session/slice";

export interface ReactionBurst {
  id: number;
  counts: Record<string, number>;
}

let burstIds = 0;

export const reaction = defineSlice({
  feature: "reaction",
  empty: () => ({ reactions: { enabled: true, bursts: [] as ReactionBurst[] } }),
  snapshot(s, snap) {
    s.reactions = { enabled: snap.reactions.enabled, bursts: [] };
  },
  events: {
    "reaction/configured"(s, e) {
      s.reactions.enabled = e.enabled;
    },
  },
  frames: {
    "reaction/burst"(s, f) {
      s.reactions.bursts = [...s.reactions.bursts.slice(-5), { id: ++burstIds, counts: f.counts }];
    },
  },
});
