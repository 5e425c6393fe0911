/**
 * The letter of a quiz option (A, B, C…), the same on the participants' buttons and on the
 * broadcast, so a host can say "the answer is B" and everyone knows which one. Quizzes have at
 * most six options, well inside the alphabet.
 */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);
