// The nouns of a reasoning: which words before a number name a candidate, the readers the mention scanner is built
// of, and the candidate noun a reasoning uses most.
import { describe, expect, it } from 'vitest';
import { HELMET_REGION_MAP, HELMET_TRACE } from './traces.js';
import { candidateNounOf, parseChainOfThought } from '../../src/cot/index.js';
import { candidateNames, isPersonNoun, isStructuralWord, nounKey, nounOfCategory, readNumber, readWord, skipSpaces } from '../../src/cot/nouns.js';

const named = (...nouns: string[]) => nouns.map((noun) => ({ noun }));

describe('nounOfCategory', () => {
  it('capitalises a category name, spaces tidied', () => {
    expect(nounOfCategory('car')).toBe('Car');
    expect(nounOfCategory('  traffic   light ')).toBe('Traffic light');
    expect(nounOfCategory('Person')).toBe('Person');
    expect(nounOfCategory('été')).toBe('Été');
  });

  it('is null for what is no short name: not a string, empty, a leading digit, markup, control characters, too long', () => {
    for (const bad of [undefined, null, 3, ['car'], '', '   ', '2cars', '<b>car</b>', 'car\u202e', 'car\nbus', 'x'.repeat(33)]) expect(nounOfCategory(bad), String(bad)).toBeNull();
    expect(nounOfCategory('x'.repeat(32))).toBe(`X${'x'.repeat(31)}`);
  });
});

describe('candidateNames', () => {
  it('names each number with the noun, in the order given, comma-separated; nothing for none', () => {
    expect(candidateNames('Car', [3, 1])).toBe('Car 3, Car 1');
    expect(candidateNames('Person', [2])).toBe('Person 2');
    expect(candidateNames('Person', [])).toBe('');
  });
});

describe('candidateNounOf', () => {
  it('is Person when the reasoning names no candidate', () => {
    expect(candidateNounOf([])).toBe('Person');
  });

  it('counts plural and singular, any case, as one noun and names it singular and capitalised', () => {
    expect(candidateNounOf(named('helmets', 'Helmet', 'HELMET'))).toBe('Helmet');
    expect(candidateNounOf(named('People', 'persons', 'Helmet'))).toBe('Person');
  });

  it('takes the noun used most, and on a tie the one that got there first', () => {
    expect(candidateNounOf(named('Person', 'Helmet', 'Helmet'))).toBe('Helmet');
    expect(candidateNounOf(named('Car', 'Helmet', 'Helmet', 'Car'))).toBe('Helmet');
  });

  it('reads Helmet from a reasoning about helmets', () => {
    expect(candidateNounOf(parseChainOfThought(HELMET_TRACE, 6, HELMET_REGION_MAP).mentions)).toBe('Helmet');
  });
});

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
