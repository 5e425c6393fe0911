export const OutputKinds = ["poll", "quiz", "wordcloud", "question", "clean-feed", "matrix"] as const;
export type OutputKind = (typeof OutputKinds)[number];

/** `/output/:sessionId/:kind` → its parts, or undefined for anything else. */
export function parseOutputPath(pathname: string): { sessionId: string; kind: OutputKind } | undefined {
  const m = /^\/output\/([^/]+)\/([a-z-]+)\/?$/.exec(pathname);
  if (!m || !OutputKinds.includes(m[2] as OutputKind)) return undefined;
  return { sessionId: decodeURIComponent(m[1]!), kind: m[2] as OutputKind };
}
