// Finds every `Person N` (and `Helmet N` when Helmet is a line subject) so a renderer can colour it.
import type { Mention } from '../types.js';
import type { ParseContext } from './context.js';
import { isAsciiLetter, isDigit, isPersonNoun, isStructuralWord, nounKey, readNumber, readWord, skipSpaces } from './nouns.js';

/**
 * One linear scan. A word counts as a candidate noun when it is `person`/`persons`/`people` (any case)
 * or has the same singular key as a line-subject noun; `Step 1` and `in 2 groups` never count.
 * The head of a range (`Person 1-9`) is not a mention of Person 1.
 */
export function findMentions(think: string, subjectNounKeys: Set<string>, ctx: ParseContext): Mention[] {
  const mentions: Mention[] = [];
  let pos = 0;
  while (pos < think.length) {
    if (!isAsciiLetter(think.charCodeAt(pos))) {
      pos++;
      continue;
    }
    const wordEnd = readWord(think, pos);
    const numberStart = skipSpaces(think, wordEnd);
    // Most words are not followed by a number: decide that before slicing or lowercasing anything.
    if (isDigit(think.charCodeAt(numberStart)) && isCandidateNoun(think, pos, wordEnd, subjectNounKeys)) {
      const n = readNumber(think, numberStart);
      if (n && !isAsciiLetter(think.charCodeAt(n.end)) && !isRangeHead(think, n.end)) {
        if (ctx.checkPerson(n.value, 'text')) {
          mentions.push({ start: pos, end: n.end, person: n.value, noun: think.slice(pos, wordEnd) });
        }
        pos = n.end;
        continue;
      }
    }
    pos = wordEnd;
  }
  return mentions;
}

function isCandidateNoun(text: string, start: number, end: number, subjectNounKeys: Set<string>): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  if (before === 95 || isDigit(before)) return false;
  const word = text.slice(start, end);
  return isPersonNoun(word) || (!isStructuralWord(word) && subjectNounKeys.has(nounKey(word)));
}

function isRangeHead(text: string, pos: number): boolean {
  const q = skipSpaces(text, pos);
  const c = text[q];
  return (c === '-' || c === '\u2013' || c === '\u2014') && isDigit(text.charCodeAt(skipSpaces(text, q + 1)));
}
