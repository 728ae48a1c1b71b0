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
    const before = pos > 0 ? think.charCodeAt(pos - 1) : -1;
    const word = think.slice(pos, wordEnd);
    const candidateNoun =
      before !== 95 && !isDigit(before) &&
      (isPersonNoun(word) || (!isStructuralWord(word) && subjectNounKeys.has(nounKey(word))));
    if (candidateNoun) {
      const n = readNumber(think, skipSpaces(think, wordEnd));
      if (n && !isAsciiLetter(think.charCodeAt(n.end)) && !isRangeHead(think, n.end)) {
        if (ctx.checkPerson(n.value, 'text')) mentions.push({ start: pos, end: n.end, person: n.value, noun: word });
        pos = n.end;
        continue;
      }
    }
    pos = wordEnd;
  }
  return mentions;
}

function isRangeHead(text: string, pos: number): boolean {
  const q = skipSpaces(text, pos);
  const c = text[q];
  return (c === '-' || c === '\u2013' || c === '\u2014') && isDigit(text.charCodeAt(skipSpaces(text, q + 1)));
}
