import { defineFeature } from "../../../runtime/feature";
import { itemHandlers, itemSnapshot } from "../items/handler";
import { cloudItems, flushCloudWords, onWordcloudBlock, onWordcloudSubmit, WORDCLOUD_TICK } from "./handler";
import { blockedWords, wordcloudMigrations, wordsBy } from "./store";

/** Word clouds: the shared item life cycle, plus entries, their counts and a word filter. */
export const wordcloud = defineFeature({
  name: "wordcloud",
  frames: {
    ...itemHandlers(cloudItems),
    "wordcloud/submit": onWordcloudSubmit,
    "wordcloud/block": onWordcloudBlock,
  },
  migrations: wordcloudMigrations,
  snapshot: {
    wordclouds: (room, staff) => itemSnapshot(room, cloudItems, staff),
    /** Staff only: words moderators added to the filter. */
    blockedWords: (room, staff) => (staff ? blockedWords(room.sql) : undefined),
  },
  me: { words: (room, who) => wordsBy(room.sql, who.registrationId) },
  audience: {
    "wordcloud/upsert": "varies",
    "wordcloud/removed": "varies",
    "wordcloud/words": "varies",
    "wordcloud/blocklist": "staff",
  },
  ticks: { [WORDCLOUD_TICK]: flushCloudWords },
});
