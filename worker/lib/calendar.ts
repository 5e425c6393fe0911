import type { Config } from "../config";
import type { Db } from "../db/client";
import { sessionsOf } from "../db/events";
import type { EventRow, RegistrationRow } from "../db/schema";
import { inAudience } from "./audience";
import { buildCalendar } from "./ics";

/** The person's programme as an .ics file: the sessions they may see, stream rooms left out. */
export async function personalCalendar(db: Db, config: Config, registration: RegistrationRow, event: EventRow): Promise<Response> {
  const sessions = (await sessionsOf(db, event.id)).filter((s) => s.kind !== "stream-room" && inAudience(s.audience, s.id, registration));
  const body = buildCalendar({ host: new URL(config.publicUrl).host, name: event.title, url: `${config.publicUrl}/portal`, sessions });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
