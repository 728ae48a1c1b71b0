// The largest number the text writes after a word that could name a candidate (`Person 9`, `Helmet 7`; not `Step 12`),
// so a parse can count that many candidates and see every one the text names, those the hint lacks included.
import { isStructuralWord } from './nouns.js';

const WORD_NUMBER = /(?<![A-Za-z0-9_])([A-Za-z]+)[ \t\u00A0]*(\d{1,9})(?![0-9A-Za-z])/g;

/** 0 when no word is followed by a number; never more than `cap`. */
export function largestNamedNumber(text: string, cap: number): number {
  let largest = 0;
  for (const m of text.matchAll(WORD_NUMBER)) {
    if (isStructuralWord(m[1])) continue;
    const n = Number(m[2]);
    if (n > largest) largest = Math.min(n, cap);
  }
  return largest;
}
