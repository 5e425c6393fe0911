import { createSignal } from "solid-js";

const KEY = "foyer.follow";

/** "Follow my programme" is on unless the person switched it off on this device. */
export function createFollowSetting() {
  const [follow, setFollowSignal] = createSignal(globalThis.localStorage?.getItem(KEY) !== "off");
  return {
    follow,
    setFollow(on: boolean) {
      setFollowSignal(on);
      globalThis.localStorage?.setItem(KEY, on ? "on" : "off");
    },
  };
}
