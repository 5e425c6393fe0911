import * as v from "valibot";

/** Most demo participants one crowd request makes (a load test's stage, with room to spare). */
export const CROWD_MAX = 10_000;

/** `POST /api/admin/demo/crowd`: how many demo participants to make. */
export const CrowdBody = v.strictObject({
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(CROWD_MAX)),
});
