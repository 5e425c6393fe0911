import { eitherPlan } from "../runtime/plan";
import { sessionObject } from "./features";
import { hubObject } from "./hub";

/**
 * What the SessionRoom class runs: a room's kind picks its plan. An event's hub runs the hub's
 * features; every other room (a programme session, or one whose session is gone) the session's.
 */
export const sessionRoomPlan = eitherPlan((kind) => (kind === "hub" ? hubObject : sessionObject), [sessionObject, hubObject]);
