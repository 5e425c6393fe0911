import { createSignal, onCleanup, type Accessor } from "solid-js";
import type { CarouselContact, CarouselMine, CarouselView } from "../../../../core/protocol";
import { createMutations, type MutationInput, type MutationOutcome } from "../../lib/mutations";
import type { LiveConnection } from "../../lib/live-connection";

export interface Carousel {
  view: Accessor<CarouselView | undefined>;
  you: Accessor<CarouselMine | undefined>;
  contacts: Accessor<CarouselContact[]>;
  /** The server's clock, ticking each second: every page counts down to the same instant. */
  serverNow: Accessor<number>;
  mutate(frame: MutationInput): Promise<MutationOutcome>;
}

/**
 * The carousel's views for a component on the session's connection. It asks for them when it appears
 * and after each reconnect (`carousel/subscribe`), and syncs its clock with `clock/ping`, so it
 * works however late it was loaded.
 */
export function useCarousel(connection: LiveConnection): Carousel {
  const [view, setView] = createSignal<CarouselView>();
  const [you, setYou] = createSignal<CarouselMine>();
  const [contacts, setContacts] = createSignal<CarouselContact[]>([]);
  const [now, setNow] = createSignal(Date.now());
  let offset = 0;
  const timer = setInterval(() => setNow(Date.now()), 1000);
  const ask = () => {
    connection.send({ type: "carousel/subscribe" });
    connection.send({ type: "clock/ping", t: Date.now() });
  };
  const unlisten = connection.listen((f) => {
    switch (f.type) {
      case "welcome":
        return ask();
      case "carousel/state":
        return setView(f.carousel);
      case "carousel/you":
        return setYou(f.you);
      case "carousel/contacts":
        return setContacts(f.contacts);
      case "clock/pong": {
        // Half the round trip is the best guess for when the server read its clock.
        const arrived = Date.now();
        offset = f.serverTime - (f.t + arrived) / 2;
        return setNow(arrived);
      }
      default:
        return;
    }
  });
  const mutations = createMutations(connection);
  ask();
  onCleanup(() => {
    clearInterval(timer);
    unlisten();
    mutations.close();
  });
  return { view, you, contacts, serverNow: () => now() + offset, mutate: (frame) => mutations.send(frame) };
}
