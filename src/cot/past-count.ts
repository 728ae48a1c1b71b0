// Candidate mentions whose number the hint does not have (`Person 9` with 4 candidates): the parser drops them
// from `mentions` with a warning; this finds them again, with their noun and place, for counting and showing.
import type { Mention, ParsedCot } from '../types.js';
import { createContext, type ParseContext } from './context.js';
import { findMentions } from './mentions.js';
import { nounKey } from './nouns.js';

/** Mentions with a number past `candidateCount`, in text order; nouns are those the parse already took as candidate nouns. */
export function mentionsPastCount(think: string, cot: Pick<ParsedCot, 'mentions'>, candidateCount: number): Mention[] {
  const nouns = new Set(cot.mentions.map((m) => nounKey(m.noun)));
  // Every whole number is a candidate here, so nothing past the count is dropped on the way.
  const anyNumber: ParseContext = { ...createContext(0), checkPerson: (person) => Number.isSafeInteger(person) && person >= 1 };
  return findMentions(think, nouns, anyNumber).filter((m) => m.person > candidateCount);
}
