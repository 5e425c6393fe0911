import { cleanFeedOutput } from "../features/hand/output";
import { matrixOutput } from "../features/matrix/output";
import { pollOutput } from "../features/poll/output";
import { questionOutput } from "../features/qa/output";
import { quizOutput } from "../features/quiz/output";
import { wordcloudOutput } from "../features/wordcloud/output";
import { outputList, type KindOf } from "../features/session/output";

/**
 * The outputs a producer can open (`/output/:sessionId/:kind`). A feature with an output declares
 * it in its folder (features/<feature>/output.tsx) and is one line here.
 */
export const outputs = outputList([
  pollOutput,
  quizOutput,
  wordcloudOutput,
  questionOutput,
  cleanFeedOutput,
  matrixOutput,
]);

export type OutputKind = KindOf<typeof outputs>;
export const outputKinds: readonly OutputKind[] = outputs.map((output) => output.kind);
