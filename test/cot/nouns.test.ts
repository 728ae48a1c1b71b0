// Which words before a number name a candidate, and the small readers the mention scanner is built of.
import { describe, expect, it } from 'vitest';
import { isPersonNoun, isStructuralWord, nounKey, readNumber, readWord, skipSpaces } from '../../src/cot/nouns.js';

describe('candidate nouns', () => {
  it('knows person, persons and people in any case, and nothing else', () => {
    expect(['Person', 'PERSONS', 'people'].map(isPersonNoun)).toEqual([true, true, true]);
    expect(['Personal', 'Helmet', 'persona', ''].map(isPersonNoun)).toEqual([false, false, false, false]);
  });

  it('treats words that number the reasoning itself (Step 1, Row 2) as structural, in any case', () => {
    expect(['Step', 'CRITERIA', 'row'].map(isStructuralWord)).toEqual([true, true, true]);
    expect(['Person', 'Helmet'].map(isStructuralWord)).toEqual([false, false]);
  });

  it('keys a noun by its lowercase singular, so plural and singular mentions count as one noun', () => {
    expect(['Helmets', 'Helmet', 'People', 'persons', 'Glass', 'bus', 'Cars'].map(nounKey)).toEqual(['helmet', 'helmet', 'person', 'person', 'glass', 'bus', 'car']);
  });
});

describe('readers', () => {
  it('reads a run of digits, Infinity past 9 digits, null when none', () => {
    expect(readNumber('Person 12:', 7)).toEqual({ value: 12, end: 9 });
    expect(readNumber('x1234567890', 1)).toEqual({ value: Number.POSITIVE_INFINITY, end: 11 });
    expect(readNumber('Person x', 7)).toBeNull();
  });

  it('reads ASCII letters only, and skips spaces, tabs and no-break spaces but not line breaks', () => {
    expect(readWord('Personé 3', 0)).toBe(6);
    expect(skipSpaces('a \t\u00a0b', 1)).toBe(4);
    expect(skipSpaces('a \nb', 1)).toBe(2);
  });
});
