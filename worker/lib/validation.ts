import type { Context } from "hono";
import * as v from "valibot";
import { ApiError, ErrorCode, validationFailed } from "../../server/errors";

/**
 * Request validation with valibot: every problem is reported, each under the path of the field it
 * is about (`title`, `fields.2.options`, `answers.ticket`), so a form can show it in place.
 */
export function issuesToFields(issues: readonly v.BaseIssue<unknown>[], prefix = ""): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues.flatMap(precise)) {
    const path = v.getDotPath(issue);
    const name = (prefix && path ? `${prefix}.${path}` : prefix || path) || "body";
    // The first problem with a field is the one to fix first.
    fields[name] ??= issue.input === undefined && issue.kind === "schema" ? "is required" : issue.message;
  }
  return fields;
}

/**
 * A union that failed on an object (a text per language, where a plain string was the other
 * choice) says what is wrong inside the object, `title.fr` or `label.nl`, instead of only that
 * neither choice fits.
 */
function precise(issue: v.BaseIssue<unknown>): v.BaseIssue<unknown>[] {
  const isObject = typeof issue.input === "object" && issue.input !== null && !Array.isArray(issue.input);
  if (issue.type !== "union" || !isObject || !issue.issues) return [issue];
  // The options' issues carry paths from the union's value on; the union's own path leads there.
  const inside = issue.issues.filter((i) => (i.path?.length ?? 0) > 0);
  const placed = inside.map((i) => ({ ...i, path: [...(issue.path ?? []), ...i.path!] }) as v.BaseIssue<unknown>);
  return placed.length > 0 ? placed.flatMap(precise) : [issue];
}

export function parseWith<S extends v.GenericSchema>(schema: S, input: unknown, prefix = ""): v.InferOutput<S> {
  const parsed = v.safeParse(schema, input);
  if (!parsed.success) throw validationFailed(issuesToFields(parsed.issues, prefix));
  return parsed.output;
}

/** The JSON body, or 415 / 400 when it is not JSON at all. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError(415, ErrorCode.unsupportedMediaType, "Send the body as JSON (Content-Type: application/json).");
  }
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, ErrorCode.badRequest, "The body is not valid JSON.");
  }
}

export async function jsonBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  return parseWith(schema, await readJson(c));
}

export function queryWith<S extends v.GenericSchema>(c: Context, schema: S): v.InferOutput<S> {
  return parseWith(schema, c.req.query());
}

/** For actions whose body is optional: an empty body counts as `{}`. */
export async function optionalJsonBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const text = await c.req.text();
  return text.trim() === "" ? parseWith(schema, {}) : jsonBody(c, schema);
}
