import * as v from "valibot";
import type { AttributeCondition } from "../contract/index";
import { EntityId, MutationId, type PersonRef, type Sequenced } from "./common";
import type { WireFrame } from "./wire";

/**
 * The participants matrix: a producer output showing many participants' webcams as a grid. A
 * moderator chooses who may appear (people here, or in chosen breakouts, optionally filtered by
 * attributes); only people who opted in ever appear, a page at a time. The session whose output
 * page shows the grid coordinates it; the people shown send their camera, one stream each, to
 * the output page through the session they are in (a star, not a mesh).
 */
export const MatrixLimits = {
  /** A Chime client shows at most 25 video tiles; the local mesh has its own, lower cap. */
  maxTiles: 25,
  minRotateSeconds: 5,
  maxRotateSeconds: 600,
  maxSourceSessions: 10,
  maxConditions: 10,
} as const;

/** The call that carries matrix video inside each session: a star around the output pages. */
export const MATRIX_CALL = "matrix";

const Condition = v.strictObject({
  attribute: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,39}$/, "must be an attribute key")),
  op: v.picklist(["eq", "neq", "in", "not_in"]),
  values: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.minLength(1), v.maxLength(50)),
});

export const MatrixSource = v.variant("kind", [
  /** Opted-in participants in this session. */
  v.strictObject({ kind: v.literal("here") }),
  /** Opted-in participants in these sessions (breakouts). */
  v.strictObject({
    kind: v.literal("sessions"),
    sessionIds: v.pipe(v.array(EntityId), v.minLength(1), v.maxLength(MatrixLimits.maxSourceSessions)),
  }),
]);
export type MatrixSource = v.InferOutput<typeof MatrixSource>;

export const MatrixConfigureFrame = v.strictObject({
  type: v.literal("matrix/configure"),
  id: MutationId,
  /** Whether the matrix shows anyone at all. Off: every shown camera stops at once. */
  active: v.boolean(),
  source: MatrixSource,
  /** Every condition must hold (as in session audiences). */
  conditions: v.optional(v.pipe(v.array(Condition), v.maxLength(MatrixLimits.maxConditions)), []),
  /** Tiles a page; capped at what the call provider can show. */
  pageSize: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MatrixLimits.maxTiles)),
  /** Turn the page every this many seconds; 0: only when a moderator turns it. */
  rotateSeconds: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MatrixLimits.maxRotateSeconds)),
});
export type MatrixConfigureFrame = v.InferOutput<typeof MatrixConfigureFrame>;

/** Moderators: go to the next page (or a given one). */
export const MatrixPageFrame = v.strictObject({
  type: v.literal("matrix/page"),
  id: MutationId,
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000))),
});
export type MatrixPageFrame = v.InferOutput<typeof MatrixPageFrame>;

/** Moderators: take someone out of the matrix at once (and keep them out), or let them back. */
export const MatrixRemoveFrame = v.strictObject({
  type: v.literal("matrix/remove"),
  id: MutationId,
  registrationId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  removed: v.boolean(),
});
export type MatrixRemoveFrame = v.InferOutput<typeof MatrixRemoveFrame>;

/** Anyone: may the matrix show me? Off by default; switching it off stops a shown camera at once. */
export const MatrixConsentFrame = v.strictObject({
  type: v.literal("matrix/consent"),
  id: MutationId,
  optIn: v.boolean(),
});
export type MatrixConsentFrame = v.InferOutput<typeof MatrixConsentFrame>;

export const MatrixFrames = [MatrixConfigureFrame, MatrixPageFrame, MatrixRemoveFrame, MatrixConsentFrame] as const;
export type MatrixFrame = MatrixConfigureFrame | MatrixPageFrame | MatrixRemoveFrame | MatrixConsentFrame;

export interface MatrixConfig {
  active: boolean;
  source: MatrixSource;
  conditions: AttributeCondition[];
  pageSize: number;
  rotateSeconds: number;
}

/** One camera on the grid, and the session whose call carries it. */
export interface MatrixTile {
  registrationId: string;
  name: string;
  sessionId: string;
}

export interface MatrixView {
  config: MatrixConfig;
  /** The page on screen now. */
  tiles: MatrixTile[];
  page: number;
  pages: number;
  /** Opted-in people who match, over all pages. */
  total: number;
  /** People a moderator took out; they stay out until let back. */
  removed: PersonRef[];
  /** Tiles a page at most with this call provider. */
  maxTiles: number;
  /** When the page turns next (epoch ms), if it rotates. */
  nextTurnAt: number | null;
}

/** Staff only: the matrix changed (configuration, page, who is on it). */
export type MatrixStateEvent = Sequenced<"matrix/state", { matrix: MatrixView }>;
export type MatrixEvent = MatrixStateEvent;

/** Personal: the matrix shows (or stopped showing) this person's camera, coordinated by `by`. */
export type MatrixShownFrame = WireFrame<"matrix/shown", { shown: boolean; by: string | null }>;

export interface MyMatrix {
  shown: boolean;
  /** The session whose output shows this person. */
  by: string | null;
}
