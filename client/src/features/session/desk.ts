import { stagedoorTab } from "../hand/tab";
import { moderationTab } from "../moderation/tab";
import { tabList } from "./tab";

/** The staff's tabs on the control desk (ControlDesk), in their order; each feature's in its folder. */
export const deskTabs = tabList([moderationTab, stagedoorTab]);
