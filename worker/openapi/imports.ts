import { ImportBody, InvitationBatchBody } from "../schemas/imports";
import type { OperationSpec } from "./document";

const E = "/api/admin/events/{eventId}";

/** Large imports (a check, then a background job) and invitation batches with their progress. */
export const importOperations: OperationSpec[] = [
  {
    method: "post",
    path: `${E}/imports/check`,
    summary:
      "Check a parsed file without writing anything: counts of new, updated, unchanged and invalid rows, and each invalid row's problems: row, column, field, a stable code (required, too_long, invalid_email, control_characters, duplicate_email, not_one_of, invalid_key, single_value, unknown_session) with its params, and the reason in English",
    tag: "registrations",
    auth: "admin",
    body: { schema: ImportBody },
    ok: { status: 200, description: "The preview" },
    errors: [404, 413, 415, 422],
  },
  {
    method: "post",
    path: `${E}/imports`,
    summary:
      "Start an import job (checked again; invalid rows are skipped). It runs in the background, chunk by chunk, with automatic invitations as every import",
    tag: "registrations",
    auth: "admin",
    body: { schema: ImportBody },
    ok: { status: 202, description: "The job and the check it started from" },
    errors: [404, 413, 415, 422],
  },
  {
    method: "get",
    path: `${E}/imports`,
    summary: "The event's latest import jobs with their progress",
    tag: "registrations",
    auth: "admin",
    ok: { status: 200, description: "Jobs, newest first" },
    errors: [404],
  },
  {
    method: "get",
    path: `${E}/imports/{jobId}`,
    summary: "One import job's progress (total, done, failed; created, updated, unchanged)",
    tag: "registrations",
    auth: "admin",
    ok: { status: 200, description: "The job" },
    errors: [404],
  },
  {
    method: "post",
    path: `${E}/invitation-batches`,
    summary: "Send invitations now to everyone the registration list's filter matches (already sent ones are skipped)",
    tag: "invitations",
    auth: "admin",
    body: { schema: InvitationBatchBody },
    ok: { status: 202, description: "The batch with its first counts" },
    errors: [404, 415, 422],
  },
  {
    method: "get",
    path: `${E}/invitation-batches`,
    summary: "The event's latest invitation batches with their progress",
    tag: "invitations",
    auth: "admin",
    ok: { status: 200, description: "Batches, newest first" },
    errors: [404],
  },
  {
    method: "get",
    path: `${E}/invitation-batches/{batchId}`,
    summary: "One batch's progress: sent, queued and failed",
    tag: "invitations",
    auth: "admin",
    ok: { status: 200, description: "The batch" },
    errors: [404],
  },
];
