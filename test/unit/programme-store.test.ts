import { afterEach, describe, expect, it, vi } from "vitest";
import type { AdminSession } from "../../core/contract/index";
import { createProgramme } from "../../client/src/admin/event/programme/store";

const session: AdminSession = {
  id: "ses_1",
  eventId: "evt_1",
  kind: "breakout",
  title: "Room",
  description: "",
  startsAt: "2026-11-25T10:00:00.000Z",
  endsAt: "2026-11-25T10:45:00.000Z",
  capacity: null,
  selectable: false,
  audience: { kind: "everyone" },
  parentSessionId: null,
  streamUrl: null,
};
const at = (iso: string) => Date.parse(iso);
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("optimistic moves", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("shows a move at once, saves key presses in a row once, and puts a refused move back with a message", async () => {
    vi.useFakeTimers();
    const patches: unknown[] = [];
    let refuse = false;
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init?: RequestInit) => {
        if (!init?.method) return json(200, { items: [session] });
        const body = JSON.parse(String(init.body));
        patches.push(body);
        if (refuse) return json(422, { error: { code: "validation_failed", message: "no", fields: { endsAt: "x" } } });
        return json(200, { ...session, ...body });
      }),
    );
    const failed: [AdminSession, unknown][] = [];
    const programme = createProgramme(
      () => "evt_1",
      (s, err) => failed.push([s, err]),
    );
    await programme.load();

    // Three key presses: each shows at once; one request after the pause.
    programme.move("ses_1", { startsAt: at("2026-11-25T09:55:00Z"), endsAt: at("2026-11-25T10:40:00Z") }, 600);
    programme.move("ses_1", { startsAt: at("2026-11-25T09:50:00Z"), endsAt: at("2026-11-25T10:35:00Z") }, 600);
    programme.move("ses_1", { startsAt: at("2026-11-25T09:45:00Z"), endsAt: at("2026-11-25T10:30:00Z") }, 600);
    expect(programme.sessions()[0]!.startsAt).toBe("2026-11-25T09:45:00.000Z");
    expect(patches).toEqual([]);
    await vi.advanceTimersByTimeAsync(700);
    expect(patches).toEqual([{ startsAt: "2026-11-25T09:45:00.000Z", endsAt: "2026-11-25T10:30:00.000Z" }]);

    // Refused: back to where the server has it, and the page is told.
    refuse = true;
    programme.move("ses_1", { startsAt: at("2026-11-25T12:00:00Z"), endsAt: at("2026-11-25T12:45:00Z") }, 0);
    expect(programme.sessions()[0]!.startsAt).toBe("2026-11-25T12:00:00.000Z");
    await vi.advanceTimersByTimeAsync(10);
    expect(programme.sessions()[0]!.startsAt).toBe("2026-11-25T09:45:00.000Z");
    expect(failed).toHaveLength(1);
    expect(failed[0]![0].startsAt).toBe("2026-11-25T09:45:00.000Z");
  });
});
