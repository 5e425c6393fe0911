import { defineFeature } from "../../../runtime/feature";
import { INVITE_ALARM, onInviteAnswer, onInviteBlock, onInviteHangup, onInviteSend, onInviteWithdraw } from "./handler";
import { onHubHello, onInviteAlarm } from "./hub";
import { inviteMigrations } from "./store";

/**
 * 1:1 invitations in an event's hub: sent, answered, withdrawn, blocked, and the 1:1 calls they
 * start. The hub's handshake is its own (no snapshot, no attendance), so this feature answers the
 * hello there. Its views go to each person directly (views.ts), not through an event log.
 */
export const invite = defineFeature({
  name: "invite",
  frames: {
    hello: onHubHello,
    "invite/send": onInviteSend,
    "invite/withdraw": onInviteWithdraw,
    "invite/answer": onInviteAnswer,
    "invite/block": onInviteBlock,
    "invite/hangup": onInviteHangup,
  },
  migrations: inviteMigrations,
  alarms: { [INVITE_ALARM]: onInviteAlarm },
});
