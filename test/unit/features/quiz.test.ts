import { describe, expect, it } from "vitest";
import {
  decideAnswer,
  idleRun,
  lockQuestion,
  nextQuestion,
  rank,
  score,
  startQuiz,
} from "../../../durable-objects/session/features/quiz/rules";
import type { QuizDefinition } from "../../../core/protocol/quiz";
import { prepareQuiz } from "../../../core/rules/prepare";

const quiz: QuizDefinition = {
  title: "Edge trivia",
  questions: [
    { text: "2 + 2?", options: ["3", "4"], correct: 1, seconds: 10 },
    { text: "Capital of NL?", options: ["Amsterdam", "Rotterdam", "Utrecht"], correct: 0, seconds: 20 },
  ],
};

describe("quiz scoring", () => {
  it("gives 1000 for an instant right answer, 500 at the deadline, 0 for a wrong one", () => {
    expect(score(0, 10_000, true)).toBe(1000);
    expect(score(5_000, 10_000, true)).toBe(750);
    expect(score(10_000, 10_000, true)).toBe(500);
    expect(score(1_000, 10_000, false)).toBe(0);
  });

  it("ranks by points, then right answers, then speed, then registration id", () => {
    const ranked = rank([
      { registrationId: "b", name: "B", points: 900, correct: 1, timeMs: 2000 },
      { registrationId: "a", name: "A", points: 900, correct: 1, timeMs: 2000 },
      { registrationId: "c", name: "C", points: 900, correct: 2, timeMs: 9000 },
      { registrationId: "d", name: "D", points: 900, correct: 1, timeMs: 1000 },
      { registrationId: "e", name: "E", points: 1500, correct: 2, timeMs: 3000 },
    ]);
    expect(ranked.map((r) => `${r.rank}${r.name}`)).toEqual(["1E", "2C", "3D", "4A", "5B"]);
  });
});

describe("quiz run", () => {
  it("walks through the questions: answer, lock, next, and closes after the last", () => {
    const started = startQuiz(idleRun(), quiz, 1_000);
    expect(started).toEqual({
      ok: true,
      value: { status: "open", index: 0, phase: "answering", startedAt: 1_000, deadline: 11_000 },
    });
    if (!started.ok) return;
    expect(nextQuestion(started.value, quiz, 2_000)).toMatchObject({ ok: false, code: "conflict" });
    const locked = lockQuestion(started.value, 5_000);
    expect(locked).toMatchObject({ ok: true, value: { phase: "revealed", deadline: 5_000 } });
    if (!locked.ok) return;
    const second = nextQuestion(locked.value, quiz, 6_000);
    expect(second).toMatchObject({ ok: true, value: { index: 1, phase: "answering", deadline: 26_000 } });
    if (!second.ok) return;
    const done = lockQuestion(second.value, 26_000);
    if (!done.ok) return;
    expect(nextQuestion(done.value, quiz, 27_000)).toMatchObject({ ok: true, value: { status: "closed" } });
    expect(startQuiz(started.value, quiz, 1)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("scores an answer by correctness and speed, once, and only before the deadline", () => {
    const run = { status: "open" as const, index: 0, phase: "answering" as const, startedAt: 1_000, deadline: 11_000 };
    expect(decideAnswer(run, quiz, 0, 1, 3_000, false)).toEqual({
      ok: true,
      value: { correct: true, elapsedMs: 2_000, points: 900 },
    });
    expect(decideAnswer(run, quiz, 0, 0, 3_000, false)).toEqual({
      ok: true,
      value: { correct: false, elapsedMs: 2_000, points: 0 },
    });
    expect(decideAnswer(run, quiz, 0, 1, 11_000, false).ok).toBe(true);
    expect(decideAnswer(run, quiz, 0, 1, 11_001, false)).toMatchObject({ ok: false, code: "closed" });
    expect(decideAnswer(run, quiz, 0, 1, 3_000, true)).toMatchObject({ ok: false, code: "conflict" });
    expect(decideAnswer(run, quiz, 1, 0, 3_000, false)).toMatchObject({ ok: false, code: "closed" });
    expect(decideAnswer(run, quiz, 0, 5, 3_000, false)).toMatchObject({ ok: false, field: "choice" });
    expect(decideAnswer({ ...run, phase: "revealed" }, quiz, 0, 1, 3_000, false)).toMatchObject({
      ok: false,
      code: "closed",
    });
  });

  it("refuses a definition whose right answer is not an option", () => {
    expect(
      prepareQuiz({ title: "T", questions: [{ text: "Q", options: ["a", "b"], correct: 2, seconds: 10 }] }),
    ).toMatchObject({
      ok: false,
      field: "quiz.questions.0.correct",
    });
  });
});
