import { and, eq, like } from "drizzle-orm";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { events, registrations } from "../db/schema";
import { DEMO_SLUG } from "./demo";
import { newId } from "../ids";
import { personalLink } from "../links";
import { notFound } from "../errors";

const DOMAIN = "crowd.demo.foyer.test";
// D1 binds at most 100 parameters per statement; drizzle binds every column of a registration row (13).
const ROWS_PER_INSERT = 7;

/**
 * Adds `count` anonymous participants ("Guest 0001" …) to the demo event and returns their
 * personal links: enough people to fill a stage for a load test or a lively demo. Idempotent:
 * asking for 500 after 200 adds 300.
 */
export async function ensureCrowd(db: Db, config: Config, count: number) {
  const event = await db.select().from(events).where(eq(events.slug, DEMO_SLUG)).get();
  if (!event) throw notFound("The demo event (POST /api/admin/demo first)");
  const emailOf = (i: number) => `guest-${String(i).padStart(5, "0")}@${DOMAIN}`;
  const existing = new Set(
    (await db.select({ email: registrations.email }).from(registrations).where(and(eq(registrations.eventId, event.id), like(registrations.email, `%@${DOMAIN}`))).all()).map(
      (r) => r.email,
    ),
  );
  const missing = Array.from({ length: count }, (_, i) => i + 1)
    .filter((i) => !existing.has(emailOf(i)))
    .map((i) => ({
      id: newId("reg"),
      eventId: event.id,
      email: emailOf(i),
      emailNorm: emailOf(i),
      name: `Guest ${String(i).padStart(4, "0")}`,
      language: "en" as const,
      role: "participant" as const,
      attributes: { ticket: "standard" },
    }));
  const inserts = [];
  for (let i = 0; i < missing.length; i += ROWS_PER_INSERT) inserts.push(db.insert(registrations).values(missing.slice(i, i + ROWS_PER_INSERT)).onConflictDoNothing());
  for (let i = 0; i < inserts.length; i += 50) {
    const chunk = inserts.slice(i, i + 50);
    await db.batch(chunk as [(typeof chunk)[number], ...typeof chunk]);
  }
  const people = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), like(registrations.email, `%@${DOMAIN}`)))
    .all();
  people.sort((a, b) => a.email.localeCompare(b.email));
  return {
    people: await Promise.all(people.slice(0, count).map(async (r) => ({ registrationId: r.id, name: r.name, link: await personalLink(config, r, event) }))),
  };
}
