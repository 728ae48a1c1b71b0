// Finds every `Person N` (and `Helmet N` when Helmet is a line subject) so a renderer can colour it.
import type { Mention } from '../types.js';
import type { ParseContext } from './context.js';
import { isAsciiLetter, isDigit, isPersonNoun, isStructuralWord, nounKey, skipSpaces } from './nouns.js';

// A whole ASCII word followed by a number. Linear: a failed try backs off letters that are never followed by a digit.
const WORD_NUMBER = /(?<![A-Za-z0-9_])([A-Za-z]+)[ \t\u00A0]*(\d+)/g;

/**
 * A word counts as a candidate noun when it is `person`/`persons`/`people` (any case) or has the same
 * singular key as a line-subject noun; `Step 1` and `in 2 groups` never count. The head of a range
 * (`Person 1-9`) and a number glued to letters (`Person 3rd`) are not mentions.
 */
export function findMentions(think: string, subjectNounKeys: Set<string>, ctx: ParseContext): Mention[] {
  const mentions: Mention[] = [];
  const re = new RegExp(WORD_NUMBER);
  for (let m = re.exec(think); m; m = re.exec(think)) {
    const word = m[1];
    const end = m.index + m[0].length;
    if (isAsciiLetter(think.charCodeAt(end)) || isRangeHead(think, end)) continue;
    if (!isPersonNoun(word) && (isStructuralWord(word) || !subjectNounKeys.has(nounKey(word)))) continue;
    const person = m[2].length > 9 ? Number.POSITIVE_INFINITY : Number(m[2]);
    if (ctx.checkPerson(person, 'text')) mentions.push({ start: m.index, end, person, noun: word });
  }
  return mentions;
}

/** `Person 1-9`, `Person 1 – 9`, `People 8 to 9`: the number starts a range. */
function isRangeHead(text: string, pos: number): boolean {
  const q = skipSpaces(text, pos);
  const c = text[q];
  if (c === '-' || c === '\u2013' || c === '\u2014') return isDigit(text.charCodeAt(skipSpaces(text, q + 1)));
  const spaced = q > pos && text.slice(q, q + 2).toLowerCase() === 'to';
  const after = skipSpaces(text, q + 2);
  return spaced && after > q + 2 && isDigit(text.charCodeAt(after));
}
