import { createSignal, onCleanup, type Accessor } from "solid-js";

/**
 * The server's clock, from the `now` a response carried, corrected by half the round trip. The
 * portal moves people on this clock, not the device's, which may be minutes off.
 */
export function createServerClock(): {
  now: Accessor<number>;
  sync(serverNowIso: string, sentAt: number, receivedAt: number): void;
} {
  let offset = 0;
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now() + offset), 1000);
  onCleanup(() => clearInterval(timer));
  return {
    now,
    sync(serverNowIso, sentAt, receivedAt) {
      const server = Date.parse(serverNowIso);
      if (Number.isNaN(server)) return;
      offset = server - (sentAt + receivedAt) / 2;
      setNow(Date.now() + offset);
    },
  };
}
