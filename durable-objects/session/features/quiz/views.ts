import type { QuizStanding, QuizStandingFrame, QuizView } from "../../../../core/protocol";
import { Limits } from "../../../../core/protocol/limits";
import { rank, type QuizRun, type ScoreRow } from "./rules";
import type { RoomContext } from "../../../runtime/context";
import { itemRows, itemState } from "../items/store";
import {
  answeredCount,
  answersBy,
  choiceCounts,
  playerCount,
  quizDefinition,
  quizRun,
  scoreRows,
  type QuizRow,
} from "./store";

/** The last question whose answer has been shown (-1: none yet). Only those count on the leaderboard. */
export const revealedUpTo = (run: QuizRun): number =>
  run.index === null ? -1 : run.phase === "revealed" ? run.index : run.index - 1;

interface Ranking {
  ranked: (ScoreRow & { rank: number })[];
  byPerson: Map<string, ScoreRow & { rank: number }>;
}

/**
 * Rankings per quiz and revealed question. Answers to a revealed question never change, so a
 * ranking stays valid until the next reveal; caching it keeps a reconnecting crowd from sorting
 * every player once per socket.
 */
const rankings = new Map<string, Ranking>();

export function rankingOf(room: RoomContext, quizId: string, upTo: number): Ranking {
  const key = `${quizId}:${upTo}`;
  let ranking = rankings.get(key);
  if (!ranking) {
    const ranked = upTo < 0 ? [] : rank(scoreRows(room.sql, quizId, upTo));
    ranking = { ranked, byPerson: new Map(ranked.map((r) => [r.registrationId, r])) };
    if (rankings.size > 50) rankings.clear();
    rankings.set(key, ranking);
  }
  return ranking;
}

export function quizView(room: RoomContext, row: QuizRow, staff: boolean): QuizView {
  const def = quizDefinition(row);
  const run = quizRun(row);
  const q = run.index !== null ? def.questions[run.index] : undefined;
  const revealed = run.phase === "revealed";
  return {
    id: row.id,
    title: def.title,
    ...(def.translations ? { translations: def.translations } : {}),
    ...itemState(row),
    questionCount: def.questions.length,
    current:
      q && run.index !== null && run.phase && run.startedAt !== null && run.deadline !== null
        ? {
            index: run.index,
            text: q.text,
            options: q.options,
            seconds: q.seconds,
            startedAt: run.startedAt,
            deadline: run.deadline,
            phase: run.phase,
            ...(q.translations ? { translations: q.translations } : {}),
            ...(revealed
              ? { correct: q.correct, counts: choiceCounts(room.sql, row.id, run.index, q.options.length) }
              : {}),
          }
        : null,
    answered: run.index !== null ? answeredCount(room.sql, row.id, run.index) : 0,
    leaderboard: rankingOf(room, row.id, revealedUpTo(run))
      .ranked.slice(0, Limits.leaderboardSize)
      .map(({ rank, name, points, correct }) => ({ rank, name, points, correct })),
    players: playerCount(room.sql, row.id),
    ...(staff ? { questions: def.questions } : {}),
  };
}

function standingOf(
  ranking: Ranking,
  quizId: string,
  registrationId: string,
  answers: Record<number, number>,
): QuizStanding {
  const mine = ranking.byPerson.get(registrationId);
  return {
    quizId,
    points: mine?.points ?? 0,
    rank: mine?.rank ?? null,
    players: ranking.ranked.length,
    correct: mine?.correct ?? 0,
    answers,
  };
}

/** After a reveal: every player's own score and rank, to their own sockets. */
export function sendStandings(room: RoomContext, row: QuizRow): void {
  const ranking = rankingOf(room, row.id, revealedUpTo(quizRun(row)));
  for (const r of ranking.ranked) {
    const answers = answersBy(room.sql, r.registrationId).get(row.id) ?? {};
    room.sendToPerson(r.registrationId, {
      type: "quiz/standing",
      standing: standingOf(ranking, row.id, r.registrationId, answers),
    } satisfies QuizStandingFrame);
  }
}

/** This person's standing in every quiz they can see, for `me`. */
export function myStandings(room: RoomContext, registrationId: string, staff: boolean): Record<string, QuizStanding> {
  const answers = answersBy(room.sql, registrationId);
  const standings: Record<string, QuizStanding> = {};
  for (const row of itemRows<QuizRow>(room.sql, "quizzes", staff)) {
    if (row.status === "draft") continue;
    standings[row.id] = standingOf(
      rankingOf(room, row.id, revealedUpTo(quizRun(row))),
      row.id,
      registrationId,
      answers.get(row.id) ?? {},
    );
  }
  return standings;
}
