import { alarmMigrations } from "./alarms";
import { eventLogMigrations } from "./events";
import type { Migration } from "./migrations";
import { mutationMigrations } from "./mutations";
import { outboxMigrations } from "./outbox";
import { tickerMigrations } from "./ticker";
import { carouselMigrations } from "../session/store/carousel";
import { chatMigrations } from "../session/store/chat";
import { inviteMigrations } from "../session/store/invite";
import { pollMigrations } from "../session/store/poll";
import { presenceMigrations } from "../session/store/presence";
import { qaMigrations } from "../session/store/qa";
import { quizMigrations } from "../session/store/quiz";
import { settingsMigrations } from "../session/store/settings";
import { wordcloudMigrations } from "../session/store/wordcloud";
import { handMigrations } from "../session/store/hand";
import { matrixMigrations } from "../session/store/matrix";

/**
 * The session object's tables: its own, then each feature's. Every list is append-only (ids are
 * namespaced by feature, so features never collide); a new feature appends its list here.
 */
export const roomMigrations: readonly Migration[] = [
  {
    id: "0001_room_meta",
    sql: "CREATE TABLE room_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
  },
  ...eventLogMigrations,
  ...mutationMigrations,
  ...alarmMigrations,
  ...tickerMigrations,
  ...outboxMigrations,
  ...settingsMigrations,
  ...presenceMigrations,
  ...chatMigrations,
  ...qaMigrations,
  ...pollMigrations,
  ...quizMigrations,
  ...wordcloudMigrations,
  ...handMigrations,
  ...matrixMigrations,
  // Networking: the hub's invitations (only the hub writes them) and the carousel's rounds.
  ...inviteMigrations,
  ...carouselMigrations,
];
