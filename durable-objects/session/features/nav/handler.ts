import type { NavSendFrame, NavSentEvent, NavSnapshot } from "../../../../core/protocol";
import { ok, refuse } from "../../../../core/rules/outcome";
import { database } from "../../../../server/db/client";
import { inSameEvent } from "../../../../server/db/sessions";
import type { FrameContext, RoomContext } from "../../../runtime/context";
import type { Unsequenced } from "../../../runtime/events";
import { canModerate, mutate, refusalFrame } from "../../../runtime/mutate";
import { send } from "../../../runtime/send";
import { readSettings, writeSettings } from "../../settings";

/** Is `to` another session of this session's event? One D1 read, only for moderators' sends. */
const sameEvent = (room: RoomContext, to: string): Promise<boolean> =>
  inSameEvent(database(room.env.DB), room.sessionId, to);

export async function onNavSend(frame: NavSendFrame, fc: FrameContext): Promise<void> {
  const { room, ws, who } = fc;
  const to = frame.to;
  // The target is checked before the mutation is queued (it needs D1); the role check in
  // `mutate` still refuses everyone but moderators, and nobody else gets to cause a read.
  if (to !== null && canModerate(who.role)) {
    if (to === room.sessionId) {
      return send(
        ws,
        refusalFrame(refuse("conflict", "Everyone is in this session already.", { field: "to" }), frame.id),
      );
    }
    if (!(await sameEvent(room, to))) {
      return send(
        ws,
        refusalFrame(refuse("not_found", "There is no such session in this event.", { field: "to" }), frame.id),
      );
    }
  }
  mutate(
    fc,
    frame,
    () => {
      sendEveryone(room, to);
      return ok(undefined);
    },
    { moderator: true },
  );
}

/**
 * Everyone here to `to` (or the send taken back): the moderator's frame and the organizer's
 * control room both end here, so a portal cannot tell them apart. The caller checks `to`.
 */
export function sendEveryone(room: RoomContext, to: string | null): void {
  const at = to === null ? null : room.now();
  writeSettings(room.sql, { navTo: to, navAt: at });
  room.publish("all", { type: "nav/sent", to, at } satisfies Unsequenced<NavSentEvent>);
}

export const navSnapshot = (room: RoomContext): NavSnapshot => {
  const s = readSettings(room.sql);
  return { to: s.navTo, at: s.navAt };
};
