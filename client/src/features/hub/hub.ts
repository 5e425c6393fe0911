import { createSignal, type Accessor } from "solid-js";
import { HUB_SESSION, type InviteMine, type InviteNoticeFrame } from "../../../../core/protocol";
import { createMutations, type MutationInput, type MutationOutcome } from "../../lib/mutations";
import { LiveConnection } from "../../lib/live-connection";

/** What every networking component gets from the event hub: the person's invitations, and ways to act on them. */
export interface Hub {
  readonly connection: LiveConnection;
  /** Null until the hub's handshake. */
  readonly you: Accessor<InviteMine | null>;
  /** The latest notice (an invitation arrived, was declined, expired …), for the page to announce. */
  readonly notice: Accessor<(InviteNoticeFrame & { at: number }) | undefined>;
  mutate(frame: MutationInput): Promise<MutationOutcome>;
  /** The server's clock, ticking once a second (invitation countdowns). */
  readonly serverNow: Accessor<number>;
  close(): void;
}

/**
 * One connection to the event hub for the whole portal: 1:1 invitations find the person on whatever
 * page they are. Open it once and hand it to the components that need it.
 */
export function createHub(): Hub {
  const [you, setYou] = createSignal<InviteMine | null>(null);
  const [notice, setNotice] = createSignal<InviteNoticeFrame & { at: number }>();
  const [clock, setClock] = createSignal(Date.now());
  let offset = 0;
  const timer = setInterval(() => setClock(Date.now()), 1000);
  const connection = new LiveConnection({
    sessionId: HUB_SESSION,
    onFrame(frame) {
      if (frame.type === "welcome") offset = frame.serverTime - Date.now();
      else if (frame.type === "invite/you") setYou(frame.you);
      else if (frame.type === "invite/notice") setNotice({ ...frame, at: Date.now() });
    },
  });
  const mutations = createMutations(connection);
  connection.connect();
  return {
    connection,
    you,
    notice,
    mutate: (frame) => mutations.send(frame),
    serverNow: () => clock() + offset,
    close() {
      clearInterval(timer);
      mutations.close();
      connection.close();
    },
  };
}
