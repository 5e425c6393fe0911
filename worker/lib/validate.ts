import type { Context } from "hono";
import * as v from "valibot";
import { ApiError, ErrorCode, validationFailed } from "./errors";

/**
 * Reads a JSON body and validates it: 400 when it is not JSON, 422 with one message per
 * offending field (as a dot path) when it does not match the schema.
 */
export async function jsonBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, ErrorCode.badRequest, "The request body must be JSON.");
  }
  const parsed = v.safeParse(schema, raw);
  if (parsed.success) return parsed.output;
  const fields: Record<string, string> = {};
  for (const issue of parsed.issues) fields[v.getDotPath(issue) ?? "body"] ??= issue.message;
  throw validationFailed(fields);
}
