import type { ImportReport, ImportRowReport } from "../../core/contract/index";
import type { Db } from "../db/client";
import { ensureAutoInvitations } from "../db/invitations";
import { byEmails, insertRegistrationsSql, updateRegistrationsSql } from "../db/registrations";
import type { EventRow } from "../db/schema";
import type { Actor } from "../audit";
import { auditEntry } from "../db/audit";
import { newId } from "../ids";
import { planRow, type CheckedRow, type NewRegistrationValues, type UpdatedRegistrationValues } from "./import";
import { runBatch } from "../db/batch";

export interface ApplyOptions {
  /** Apply the good rows even if some are bad. */
  partial: boolean;
  dryRun: boolean;
  source: "csv" | "batch";
}

/**
 * Applies checked import rows: new e-mails become registrations (with their automatic
 * invitation), known ones are updated. Everything is written in one D1 batch, which D1 runs as
 * one transaction: all rows or none, audit entry included.
 */
export async function applyRows(
  db: Db,
  event: EventRow,
  checked: readonly CheckedRow[],
  o: ApplyOptions,
  actor: Actor,
  now = Date.now(),
): Promise<ImportReport> {
  const good = checked.filter((c): c is Extract<CheckedRow, { ok: true }> => c.ok);
  const existing = await byEmails(
    db,
    event.id,
    good.map((c) => c.row.emailNorm),
  );
  const creates: (NewRegistrationValues & { id: string })[] = [];
  const updates: (UpdatedRegistrationValues & { id: string })[] = [];
  const rows: ImportRowReport[] = checked.map((c) => {
    if (!c.ok) return { line: c.line, email: c.email, status: "error", errors: c.errors };
    const plan = planRow(c.row, existing.get(c.row.emailNorm), event.defaultLanguage);
    switch (plan.status) {
      case "created": {
        const id = newId("reg");
        creates.push({ id, ...plan.values });
        return { line: c.row.line, email: c.row.email, status: "created", registrationId: id };
      }
      case "updated":
        updates.push({ id: plan.id, ...plan.values });
        return { line: c.row.line, email: c.row.email, status: "updated", registrationId: plan.id };
      case "unchanged":
        return { line: c.row.line, email: c.row.email, status: "unchanged", registrationId: plan.id };
      default:
        return plan satisfies never;
    }
  });
  const errors = rows.filter((r) => r.status === "error").length;
  const counts = {
    rows: rows.length,
    created: creates.length,
    updated: updates.length,
    unchanged: rows.filter((r) => r.status === "unchanged").length,
    errors,
  };
  const apply = !o.dryRun && (errors === 0 || o.partial) && creates.length + updates.length > 0;
  if (apply) {
    const createdIds = creates.map((c) => c.id);
    await runBatch(db, [
      auditEntry(
        db,
        actor,
        "registration.import",
        {
          eventId: event.id,
          details: {
            source: o.source,
            partial: o.partial,
            ...counts,
            created: createdIds,
            updated: updates.map((u) => u.id),
          },
        },
        now,
      ),
      ...insertRegistrationsSql(db, event.id, creates, now),
      ...updateRegistrationsSql(db, updates, now),
      ...(createdIds.length > 0 ? [ensureAutoInvitations(db, event.id, createdIds)] : []),
    ]);
  }
  const applied = apply || (!o.dryRun && (errors === 0 || o.partial));
  // Rows not written keep their planned status in the report but say so through `applied`.
  return { applied, partial: o.partial, counts, rows };
}
