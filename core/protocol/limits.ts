/**
 * Per-person and per-item limits. The session object enforces them; the client uses the same
 * numbers for `maxlength`, counters and hints, so a person learns a limit before hitting it.
 * Text lengths count Unicode code points (what a person thinks of as characters, near enough).
 */
export const Limits = {
  chatChars: 500,
  /** Messages a new joiner sees (the newest ones). */
  chatHistory: 50,
  /** Chat rate: a burst of this many, then one message per `chatRefillMs` (about Twitch's 20 per 30 s). */
  chatBurst: 5,
  chatRefillMs: 1_500,
  questionChars: 300,
  questionsPerPerson: 10,
  pollQuestionChars: 200,
  pollOptionChars: 100,
  pollMinOptions: 2,
  pollMaxOptions: 10,
  quizTitleChars: 120,
  quizQuestionChars: 200,
  quizOptionChars: 100,
  quizMinOptions: 2,
  quizMaxOptions: 6,
  quizMaxQuestions: 50,
  quizMinSeconds: 5,
  quizMaxSeconds: 120,
  wordcloudPromptChars: 200,
  wordChars: 30,
  wordsPerPersonMax: 5,
  wordsPerPersonDefault: 3,
  /** Distinct words an update carries; the tail of a huge cloud is not legible anyway. */
  wordcloudTopWords: 100,
  /** Reactions: a burst of this many, then one per `reactionRefillMs`. */
  reactionBurst: 10,
  reactionRefillMs: 200,
  /** Every other mutation (votes, upvotes, moderation): generous, only stops runaway clients. */
  mutationBurst: 30,
  mutationRefillMs: 100,
  blockedWordChars: 40,
  leaderboardSize: 10,
} as const;

/** Length as a person counts it: code points, so an emoji is one character, not two. */
export const charCount = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};
