import { describe, expect, it } from "vitest";
import { admin, seedDemo } from "./helpers";

describe("demo crowd", () => {
  it("adds guests to the demo in bulk, idempotently, each with a working link", async () => {
    await seedDemo();
    const first = await admin("/api/admin/demo/crowd", { method: "POST", body: JSON.stringify({ count: 30 }) });
    expect(first.status).toBe(200);
    const { people } = (await first.json()) as { people: { name: string; link: string }[] };
    expect(people).toHaveLength(30);
    const again = (await (
      await admin("/api/admin/demo/crowd", { method: "POST", body: JSON.stringify({ count: 40 }) })
    ).json()) as { people: unknown[] };
    expect(again.people).toHaveLength(40);
  });
});
