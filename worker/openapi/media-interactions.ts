import { PreparedOrderBody, PreparedUpdateBody } from "../schemas/interactions";
import type { OperationSpec } from "./document";

/** The organizer console's stage video and prepared-item routes (beyond the original media and interactions API). */
export const mediaInteractionOperations: OperationSpec[] = [
  {
    method: "get",
    path: "/api/admin/media/events/{eventId}/stages",
    summary: "Each stage's video source (local sample, own HLS URL or IVS channel) and channel; never a stream key",
    tag: "media",
    auth: "admin",
    ok: { status: 200, description: "The event's stages" },
    errors: [404],
  },
  {
    method: "get",
    path: "/api/admin/media/stages/{sessionId}/status",
    summary: "Whether the stage is live, its stream health and viewer count (IVS), or that it plays locally",
    tag: "media",
    auth: "admin",
    ok: { status: 200, description: "Status now" },
    errors: [404, 502, 503],
  },
  {
    method: "post",
    path: "/api/admin/media/stages/{sessionId}/key/reveal",
    summary: "The ingest server and stream key for the encoder (recorded in the audit log)",
    tag: "media",
    auth: "admin",
    ok: { status: 200, description: "Encoder settings" },
    errors: [404, 409, 502, 503],
  },
  {
    method: "post",
    path: "/api/admin/media/stages/{sessionId}/key/rotate",
    summary: "Replace the stage's stream key: the old key no longer lets an encoder connect",
    tag: "media",
    auth: "admin",
    ok: { status: 200, description: "Rotated" },
    errors: [404, 409, 502, 503],
  },
  {
    method: "patch",
    path: "/api/admin/sessions/{sessionId}/prepared/{id}",
    summary: "Edit a prepared item (it gets a new id; a draft moderators see is replaced, an opened one stays)",
    tag: "interactions",
    auth: "admin",
    body: { schema: PreparedUpdateBody },
    ok: { status: 200, description: "The edited item" },
    errors: [404, 415, 422],
  },
  {
    method: "post",
    path: "/api/admin/sessions/{sessionId}/prepared/reorder",
    summary: "Put the session's prepared items in this order (each id exactly once)",
    tag: "interactions",
    auth: "admin",
    body: { schema: PreparedOrderBody },
    ok: { status: 200, description: "The items in their new order" },
    errors: [404, 415, 422],
  },
];
