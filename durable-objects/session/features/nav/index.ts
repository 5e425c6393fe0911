import { defineFeature } from "../../../runtime/feature";
import { navSnapshot, onNavSend } from "./handler";

/** Moderators send everyone in the session elsewhere ("everyone to the breakouts"), or take it back. */
export const nav = defineFeature({
  name: "nav",
  frames: { "nav/send": onNavSend },
  snapshot: { nav: navSnapshot },
  audience: { "nav/sent": "all" },
});
