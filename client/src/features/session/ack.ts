import type { MutationRequest } from "./types";
import type { SessionState } from "./state";

/**
 * What an acknowledged mutation changed in this person's own state. The server does not echo
 * personal state after each mutation (`me` comes with every handshake); the ack says it was
 * applied exactly as sent, so the page records it itself.
 */
export function applyAck(s: SessionState, request: MutationRequest, entityId: string | undefined, now: number): void {
  switch (request.type) {
    case "qa/upvote": {
      const others = s.me.qa.upvoted.filter((id) => id !== request.questionId);
      s.me.qa.upvoted = request.up ? [...others, request.questionId] : others;
      return;
    }
    case "qa/ask":
      if (!entityId || s.me.qa.asked.some((q) => q.id === entityId)) return;
      s.me.qa.asked = [
        ...s.me.qa.asked,
        {
          id: entityId,
          text: request.text.trim(),
          authorName: request.anonymous ? null : (s.you?.name ?? null),
          at: now,
          status: s.qa.requireApproval && s.you?.role === "participant" ? "pending" : "open",
          votes: 0,
        },
      ];
      return;
    case "poll/vote":
      s.me.polls = { ...s.me.polls, [request.pollId]: [...new Set(request.choices)].sort((a, b) => a - b) };
      return;
    case "quiz/answer": {
      const standing = s.me.quizzes[request.quizId] ?? { quizId: request.quizId, points: 0, rank: null, players: 0, correct: 0, answers: {} };
      s.me.quizzes = { ...s.me.quizzes, [request.quizId]: { ...standing, answers: { ...standing.answers, [request.question]: request.choice } } };
      return;
    }
    case "wordcloud/submit": {
      const mine = s.me.words[request.cloudId] ?? [];
      // A resend's ack may follow a `me` that already has the word.
      if (!mine.includes(request.text.trim())) s.me.words = { ...s.me.words, [request.cloudId]: [...mine, request.text.trim()] };
      return;
    }
    default:
      // Everything else changes shared state, which comes back as events.
      return;
  }
}
