import { describe, expect, it } from "vitest";
import { createDraft } from "../../client/src/features/session/draft";

describe("a composer's draft", () => {
  it("is cleared once what was sent is accepted", () => {
    const [text, setText, sent] = createDraft();
    setText("edge");
    sent("edge");
    expect(text()).toBe("");
  });

  it("keeps the next word typed while the last one was on its way", () => {
    const [text, setText, sent] = createDraft();
    setText("edge");
    const what = text();
    setText("calm"); // typed before the answer for "edge" came back
    sent(what);
    expect(text()).toBe("calm");
  });
});
