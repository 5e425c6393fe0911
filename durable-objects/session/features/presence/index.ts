import type { PresenceCountFrame } from "../../../../core/protocol";
import { defineFeature } from "../../../runtime/feature";
import { presenceOf, PRESENCE_TICK } from "./presence";
import { presenceMigrations } from "./store";

export { presenceOf } from "./presence";
export { knownPerson } from "./store";

export const presenceCount = (room: Parameters<typeof presenceOf>[0]): PresenceCountFrame => ({
  type: "presence/count",
  count: presenceOf(room).count(),
});

/** Who is here: visits for attendance, a head count for everyone, arrivals and departures for staff. */
export const presence = defineFeature({
  name: "presence",
  frames: {},
  migrations: presenceMigrations,
  snapshot: {
    presence: (room, staff) => ({
      count: presenceOf(room).count(),
      ...(staff ? { people: presenceOf(room).list() } : {}),
    }),
  },
  audience: { "presence/people": "staff" },
  ticks: { [PRESENCE_TICK]: (room) => presenceOf(room).flush() },
  socketClosed: (room, ws, who) => presenceOf(room).depart(ws, who),
});
