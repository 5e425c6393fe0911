import { describe, expect, it } from "vitest";
import { outputLanguage } from "../../client/src/output/language";

describe("an output page's language", () => {
  it("follows the event, whatever the producer reads in", () => {
    expect(outputLanguage("", "en")).toBe("en");
    expect(outputLanguage("?bg=transparent", "nl")).toBe("nl");
  });

  it("takes ?lang= from the browser source's URL over the event's, next to other options", () => {
    expect(outputLanguage("?lang=nl", "en")).toBe("nl");
    expect(outputLanguage("?names=1&lang=en", "nl")).toBe("en");
  });

  it("ignores a language it does not speak, and leaves the device's choice when nothing is known", () => {
    expect(outputLanguage("?lang=fr", "en")).toBe("en");
    expect(outputLanguage("?lang=", undefined)).toBeUndefined();
    expect(outputLanguage("", "xx")).toBeUndefined();
  });
});
