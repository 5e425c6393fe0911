import type { Config } from "./config";
import type { Db } from "./db/client";
import { sessionsOf } from "./db/sessions";
import type { EventRow, RegistrationRow } from "./db/schema";
import { inAudience } from "../core/rules/audience";
import { buildCalendar } from "./ics";
import { textOf } from "./texts";

/**
 * The person's programme as an .ics file: the sessions they may see, stream rooms left out, in the
 * language they registered with (a calendar feed is read by their calendar app, not the page).
 */
export async function personalCalendar(
  db: Db,
  config: Config,
  registration: RegistrationRow,
  event: EventRow,
): Promise<Response> {
  const text = (row: Parameters<typeof textOf>[0], key: "title" | "description") =>
    textOf(row, key, registration.language, event.languages);
  const sessions = (await sessionsOf(db, event.id))
    .filter((s) => s.kind !== "stream-room" && inAudience(s.audience, s.id, registration))
    .map((s) => ({ ...s, title: text(s, "title"), description: text(s, "description") }));
  const body = buildCalendar({
    host: new URL(config.publicUrl).host,
    name: text(event, "title"),
    url: `${config.publicUrl}/portal`,
    sessions,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
