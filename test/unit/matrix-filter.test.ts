import { describe, expect, it } from "vitest";
import { attributeKey, fieldFor, matrixValues, valuesHint } from "../../client/src/features/matrix/values";
import { demoFields } from "../../server/dev/demo";
import { fieldIn } from "../../server/texts";

/** The demo's form as a Dutch moderator's page receives it (GET /api/events/demo?lang=nl). */
const dutchForm = demoFields.map((f) => fieldIn(f, "nl", ["en", "nl"]));
const englishForm = demoFields.map((f) => fieldIn(f, "en", ["en", "nl"]));
const ticket = demoFields.find((f) => f.key === "ticket") as { options: string[] };

describe("the participants matrix filter in the moderator's language", () => {
  it("suggests values that, typed as suggested, match what people's attributes hold", () => {
    for (const form of [dutchForm, englishForm]) {
      const field = fieldFor("", form);
      expect(field?.key).toBe("ticket");
      const typed = valuesHint(field);
      expect(matrixValues(typed, field)).toEqual(ticket.options);
    }
    expect(valuesHint(fieldFor("", dutchForm))).toBe("Standaard, VIP, Spreker");
  });

  it("turns Dutch labels into the stored values, and takes values and unknown words as typed", () => {
    const field = fieldFor("Ticket", dutchForm);
    expect(matrixValues("vip, Spreker", field)).toEqual(["vip", "speaker"]);
    expect(matrixValues(" speaker ,, goud", field)).toEqual(["speaker", "goud"]);
    expect(attributeKey("Interesses", dutchForm)).toBe("interests");
    expect(attributeKey("Organisation ", dutchForm)).toBe("organisation");
    expect(matrixValues("Ontwerp", fieldFor("interesses", dutchForm))).toEqual(["design"]);
  });
});
