import { describe, expect, it } from "vitest";
import { inLanguage, quizInLanguage, type QuizView } from "../../core/protocol";
import { preparePoll, prepareQuiz, prepareWordcloud } from "../../core/rules/prepare";

const poll = { question: "Lunch?", kind: "single" as const, options: ["Pizza", "Soup"], results: "live" as const };

describe("prepared items in the event's other languages", () => {
  it("cleans a poll's translation like its original and keeps it beside it", () => {
    expect(
      preparePoll({ ...poll, translations: { nl: { question: " Lunch? ", options: ["Pizza ", "Soep"] } } }),
    ).toEqual({
      ok: true,
      value: { ...poll, translations: { nl: { question: "Lunch?", options: ["Pizza", "Soep"] } } },
    });
  });

  it("refuses a translation with another number of options, or two alike, naming the field", () => {
    expect(preparePoll({ ...poll, translations: { nl: { question: "Lunch?", options: ["Pizza"] } } })).toMatchObject({
      ok: false,
      field: "poll.translations.nl.options",
    });
    expect(
      preparePoll({ ...poll, translations: { nl: { question: "Lunch?", options: ["Soep", "soep"] } } }),
    ).toMatchObject({ ok: false, field: "poll.translations.nl.options.1" });
    expect(preparePoll({ ...poll, translations: { nl: { question: " ", options: ["a", "b"] } } })).toMatchObject({
      ok: false,
      field: "poll.translations.nl.question",
    });
  });

  it("translates a quiz's title and each question, and a word cloud's prompt", () => {
    const quiz = prepareQuiz({
      title: "Capitals",
      translations: { nl: { title: "Hoofdsteden" } },
      questions: [
        {
          text: "France?",
          options: ["Paris", "Lyon"],
          correct: 0,
          seconds: 10,
          translations: { nl: { text: "Frankrijk?", options: ["Parijs"] } },
        },
      ],
    });
    expect(quiz).toMatchObject({ ok: false, field: "quiz.questions.0.translations.nl.options" });
    expect(
      prepareWordcloud({ prompt: "One word", perPerson: 3, translations: { nl: { prompt: " Eén woord " } } }),
    ).toEqual({ ok: true, value: { prompt: "One word", perPerson: 3, translations: { nl: { prompt: "Eén woord" } } } });
    // No translation stays no translation (the stored item is as before).
    expect(prepareWordcloud({ prompt: "One word", perPerson: 3 })).toEqual({
      ok: true,
      value: { prompt: "One word", perPerson: 3 },
    });
  });

  it("shows each reader their language's text, else the original", () => {
    const view = { ...poll, translations: { nl: { question: "Lunch?", options: ["Pizza", "Soep"] } } };
    expect(inLanguage(view, "nl").options).toEqual(["Pizza", "Soep"]);
    expect(inLanguage(view, "en").options).toEqual(["Pizza", "Soup"]);
    const quiz = {
      id: "quiz_1",
      title: "Capitals",
      translations: { nl: { title: "Hoofdsteden" } },
      current: {
        index: 0,
        text: "France?",
        options: ["Paris", "Lyon"],
        translations: { nl: { text: "Frankrijk?", options: ["Parijs", "Lyon"] } },
      },
    } as unknown as QuizView;
    const dutch = quizInLanguage(quiz, "nl");
    expect([dutch.title, dutch.current?.text, dutch.current?.options]).toEqual([
      "Hoofdsteden",
      "Frankrijk?",
      ["Parijs", "Lyon"],
    ]);
    expect(quizInLanguage(quiz, "en").current?.text).toBe("France?");
  });
});
