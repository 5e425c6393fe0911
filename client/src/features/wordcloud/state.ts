import type { WordcloudEvent } from "../../../../core/protocol";
import type { SessionState } from "../session/state";
import { patchById, upsertById } from "../session/upsert";

export function applyWordcloud(s: SessionState, e: WordcloudEvent): void {
  switch (e.type) {
    case "wordcloud/upsert":
      s.wordclouds = upsertById(s.wordclouds, e.cloud);
      return;
    case "wordcloud/removed":
      s.wordclouds = s.wordclouds.filter((c) => c.id !== e.cloudId);
      return;
    case "wordcloud/words":
      patchById(s.wordclouds, e.cloudId, { words: e.words, entries: e.entries });
      return;
    case "wordcloud/blocklist":
      s.blockedWords = e.words;
      return;
    default:
      return e satisfies never;
  }
}
