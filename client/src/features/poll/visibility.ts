import type { PollView } from "../../../../core/protocol";

/** Whether participants may see the poll's numbers now; the broadcast follows the same rule. */
export const countsVisibleToAudience = (poll: Pick<PollView, "results" | "status">): boolean =>
  poll.results === "live" || poll.status === "closed";
