import type { WordcloudView } from "../../../../core/protocol";
import { defineSlice } from "../session/slice";
import { mergeById, patchById, upsertById } from "../session/upsert";

export const wordcloud = defineSlice({
  feature: "wordcloud",
  empty: () => ({ wordclouds: [] as WordcloudView[], blockedWords: [] as string[] }),
  /** Word cloud id → this person's entries, as they typed them. */
  mine: () => ({ words: {} }),
  snapshot(s, snap) {
    s.wordclouds = mergeById(s.wordclouds, snap.wordclouds);
    s.blockedWords = snap.blockedWords ?? [];
  },
  events: {
    "wordcloud/upsert"(s, e) {
      s.wordclouds = upsertById(s.wordclouds, e.cloud);
    },
    "wordcloud/removed"(s, e) {
      s.wordclouds = s.wordclouds.filter((c) => c.id !== e.cloudId);
    },
    "wordcloud/words"(s, e) {
      patchById(s.wordclouds, e.cloudId, { words: e.words, entries: e.entries });
    },
    "wordcloud/blocklist"(s, e) {
      s.blockedWords = e.words;
    },
  },
  acks: {
    "wordcloud/submit"(s, request) {
      const mine = s.me.words[request.cloudId] ?? [];
      // A resend's ack may follow a `me` that already has the word.
      if (!mine.includes(request.text.trim()))
        s.me.words = { ...s.me.words, [request.cloudId]: [...mine, request.text.trim()] };
    },
  },
});
