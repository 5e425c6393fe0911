/**
 * `/output/:sessionId/:kind` → its parts, when `kind` is one of `kinds`; undefined for anything
 * else. OutputApp passes the kinds of outputs.ts; taking them as an argument keeps this module
 * free of components, so it runs anywhere (its unit test runs in Node).
 */
export function parseOutputPath<K extends string>(
  pathname: string,
  kinds: readonly K[],
): { sessionId: string; kind: K } | undefined {
  const m = /^\/output\/([^/]+)\/([a-z-]+)\/?$/.exec(pathname);
  if (!m || !kinds.includes(m[2] as K)) return undefined;
  return { sessionId: decodeURIComponent(m[1]!), kind: m[2] as K };
}
