import { describe, expect, it } from "vitest";
import { bodyOf, check, draftOf, emptyDraft, fieldId } from "../../client/src/admin/event/interactions/draft";
import { dropTranslated } from "../../client/src/admin/event/interactions/translations";

describe("the prepared item form's checks", () => {
  it("asks for every text, at its field, with the API's paths", () => {
    expect(Object.keys(check(emptyDraft("poll"))).sort()).toEqual(["options.0", "options.1", "question"]);
    expect(check(emptyDraft("wordcloud"))).toEqual({ prompt: { key: "admin.interactions.error.required" } });
    expect(fieldId("questions.0.options.1")).toBe("prep-questions-0-options-1");
  });

  it("refuses poll options that are the same but for case", () => {
    const draft = {
      kind: "poll" as const,
      question: "Q?",
      multi: false,
      after: false,
      options: ["Yes", " yes "],
      translations: {},
    };
    expect(check(draft)).toEqual({
      "options.1": { key: "admin.interactions.error.duplicate" },
    });
  });

  it("needs a right answer and a time limit within bounds for each quiz question", () => {
    const quiz = {
      kind: "quiz" as const,
      title: "T",
      questions: [
        { text: "1 + 1?", options: ["1", "2"], correct: null, seconds: "4" },
        { text: "2 + 2?", options: ["4", "5"], correct: 0, seconds: "121" },
        { text: "3 + 3?", options: ["6", "7"], correct: 0, seconds: "12.5" },
        { text: "Fine", options: ["a", "a"], correct: 1, seconds: "120" },
      ],
      translations: {},
    };
    expect(check(quiz)).toEqual({
      "questions.0.correct": { key: "admin.interactions.error.correct" },
      "questions.0.seconds": { key: "admin.interactions.error.seconds", params: { min: 5, max: 120 } },
      "questions.1.seconds": { key: "admin.interactions.error.seconds", params: { min: 5, max: 120 } },
      "questions.2.seconds": { key: "admin.interactions.error.seconds", params: { min: 5, max: 120 } },
    });
  });

  it("turns a saved item into its form and back into the same request", () => {
    const item = {
      id: "prep_1",
      sessionId: "ses_1",
      position: 0,
      kind: "quiz" as const,
      definition: {
        title: "Capitals",
        questions: [{ text: "NL?", options: ["Amsterdam", "Utrecht"], correct: 0, seconds: 15 }],
      },
    };
    const draft = draftOf(item);
    expect(check(draft)).toEqual({});
    expect(bodyOf(draft)).toEqual({ kind: "quiz", definition: item.definition });
  });

  it("sends a language's texts only when the organizer wrote them, and wants all of them then", () => {
    const poll = { ...emptyDraft("poll"), question: "Lunch?", options: ["Pizza", "Soup"] };
    expect(bodyOf({ ...poll, translations: { nl: { question: " " } } }).definition).not.toHaveProperty("translations");
    const half = { ...poll, translations: { nl: { question: "Lunch?", "options.0": "Pizza" } } };
    expect(check(half)).toEqual({
      "translations.nl.options.1": { key: "admin.interactions.error.translationMissing" },
    });
    const alike = { ...poll, translations: { nl: { question: "Lunch?", "options.0": "Soep", "options.1": "soep " } } };
    expect(check(alike)).toEqual({ "translations.nl.options.1": { key: "admin.interactions.error.duplicate" } });
    const whole = {
      ...poll,
      translations: { nl: { question: " Lunch? ", "options.0": "Pizza", "options.1": "Soep" } },
    };
    expect(check(whole)).toEqual({});
    expect(bodyOf(whole).definition).toMatchObject({
      translations: { nl: { question: "Lunch?", options: ["Pizza", "Soep"] } },
    });
  });

  it("keeps a quiz's translations through a save and a reopen, title and questions alike", () => {
    const definition = {
      title: "Capitals",
      translations: { nl: { title: "Hoofdsteden" } },
      questions: [
        {
          text: "NL?",
          options: ["Amsterdam", "Utrecht"],
          correct: 0,
          seconds: 15,
          translations: { nl: { text: "Nederland?", options: ["Amsterdam", "Utrecht"] } },
        },
      ],
    };
    const draft = draftOf({ id: "prep_2", sessionId: "ses_1", position: 0, kind: "quiz", definition });
    expect(draft.translations.nl).toMatchObject({ title: "Hoofdsteden", "questions.0.text": "Nederland?" });
    expect(check(draft)).toEqual({});
    expect(bodyOf(draft)).toEqual({ kind: "quiz", definition });
  });

  it("removes a removed option's translation and moves the later ones up", () => {
    const t = { nl: { question: "V", "options.0": "a", "options.1": "b", "options.2": "c" } };
    expect(dropTranslated(t, "options.", 1)).toEqual({ nl: { question: "V", "options.0": "a", "options.1": "c" } });
    const quiz = { nl: { "questions.0.text": "een", "questions.1.text": "twee", "questions.1.options.0": "x" } };
    expect(dropTranslated(quiz, "questions.", 0)).toEqual({
      nl: { "questions.0.text": "twee", "questions.0.options.0": "x" },
    });
  });
});
