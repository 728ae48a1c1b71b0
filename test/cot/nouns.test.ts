// The candidate noun of a reasoning: the one its mentions use most, singular and capitalised.
import { describe, expect, it } from 'vitest';
import { candidateNounOf, parseChainOfThought } from '../../src/cot/index.js';
import { HELMET_REGION_MAP, HELMET_TRACE } from './traces.js';

const named = (...nouns: string[]) => nouns.map((noun) => ({ noun }));

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
