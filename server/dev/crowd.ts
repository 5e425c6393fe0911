import type { Config } from "../config";
import type { Db } from "../db/client";
import { runBatch } from "../db/batch";
import { findEventBySlug } from "../db/events";
import { insertRegistrations, registrationsAtDomain } from "../db/registrations";
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
  const event = await findEventBySlug(db, DEMO_SLUG);
  if (!event) throw notFound("The demo event (POST /api/admin/demo first)");
  const emailOf = (i: number) => `guest-${String(i).padStart(5, "0")}@${DOMAIN}`;
  const existing = new Set((await registrationsAtDomain(db, event.id, DOMAIN)).map((r) => r.email));
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
  for (let i = 0; i < missing.length; i += ROWS_PER_INSERT)
    inserts.push(insertRegistrations(db, missing.slice(i, i + ROWS_PER_INSERT), { ignoreDuplicates: true }));
  for (let i = 0; i < inserts.length; i += 50) await runBatch(db, inserts.slice(i, i + 50));
  const people = await registrationsAtDomain(db, event.id, DOMAIN);
  people.sort((a, b) => a.email.localeCompare(b.email));
  return {
    people: await Promise.all(
      people
        .slice(0, count)
        .map(async (r) => ({ registrationId: r.id, name: r.name, link: await personalLink(config, r, event) })),
    ),
  };
}
