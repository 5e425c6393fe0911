import type { PollView } from "../../../durable-objects/session/protocol";

/** Whether participants may see the poll's numbers now; the broadcast follows the same rule. */
export const countsVisibleToAudience = (poll: Pick<PollView, "results" | "status">): boolean => poll.results === "live" || poll.status === "closed";
