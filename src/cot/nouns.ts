// Which words before a number name a candidate (`Person 3`, `Helmet 5`) and which never do (`Step 1`).

/** Nouns that always name a candidate, lowercase. */
const PERSON_NOUNS = new Set(['person', 'persons', 'people']);

/** Words that number parts of the reasoning, never candidates, lowercase. */
const STRUCTURAL_WORDS = new Set([
  'step', 'steps', 'stage', 'phase', 'part', 'round', 'condition', 'conditions', 'criterion', 'criteria',
  'rule', 'note', 'option', 'answer', 'group', 'groups', 'row', 'rows', 'column', 'level', 'point',
  'item', 'task', 'section', 'line', 'image', 'figure', 'top', 'total', 'only', 'and', 'or', 'the',
]);

export function isPersonNoun(word: string): boolean {
  // Length first: most words are not 6-7 letters long, and lowercasing allocates.
  return (word.length === 6 || word.length === 7) && PERSON_NOUNS.has(word.toLowerCase());
}

export function isStructuralWord(word: string): boolean {
  return STRUCTURAL_WORDS.has(word.toLowerCase());
}

/** Lowercase singular key, so `Helmets 5-7:` and `Helmet 5` count as the same noun. */
export function nounKey(word: string): string {
  const lower = word.toLowerCase();
  if (lower === 'people' || lower === 'persons') return 'person';
  return lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Reads a run of ASCII digits; numbers longer than 9 digits become Infinity (out of range anyway). */
export function readNumber(text: string, pos: number): { value: number; end: number } | null {
  let end = pos;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  if (end === pos) return null;
  const value = end - pos > 9 ? Number.POSITIVE_INFINITY : Number(text.slice(pos, end));
  return { value, end };
}

export function readWord(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
  return end;
}

/** Skips spaces and tabs (not line breaks: callers work on single lines). */
export function skipSpaces(text: string, pos: number): number {
  let p = pos;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (c !== 32 && c !== 9 && c !== 0xa0) break;
    p++;
  }
  return p;
}

/** What candidates are called when nothing names them otherwise. */
export const DEFAULT_NOUN = 'Person';

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Candidates in words, as the pictures label them: `Car 1, Car 3`. */
export function candidateNames(noun: string, numbers: readonly number[]): string {
  return numbers.map((n) => `${noun} ${n}`).join(', ');
}

/** The noun the reasoning names its candidates with, most used first, singular and capitalised: `Person` when it names none. */
export function candidateNounOf(mentions: readonly { noun: string }[]): string {
  const counts = new Map<string, number>();
  let best = DEFAULT_NOUN.toLowerCase();
  let most = 0;
  for (const m of mentions) {
    const key = nounKey(m.noun);
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    // Ties go to the noun that reached the count first, as in reading order.
    if (n > most) [best, most] = [key, n];
  }
  return capitalised(best);
}

/**
 * The candidate noun a detection category gives (`car` → `Car`, `traffic light` → `Traffic light`): for rows that carry a
 * category but no reasoning to take a noun from. Null for anything that is not a short name of letters, digits, spaces,
 * `-` or `'` starting with a letter (it would be drawn on every box).
 */
export function nounOfCategory(category: unknown): string | null {
  if (typeof category !== 'string') return null;
  const name = category.trim().replace(/ +/g, ' ');
  if (!/^\p{L}[\p{L}\p{N} '-]{0,31}$/u.test(name)) return null;
  return capitalised(name);
}
