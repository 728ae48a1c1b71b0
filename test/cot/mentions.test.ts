import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/cot/context.js';
import { findMentions } from '../../src/cot/mentions.js';

function mentions(think: string, subjectNouns: string[] = [], count = 10): [string, number, string][] {
  return findMentions(think, new Set(subjectNouns), createContext(count)).map((m) => [think.slice(m.start, m.end), m.person, m.noun]);
}

describe('findMentions', () => {
  it('finds Person N in any case, with exact spans', () => {
    const think = '- Person 4: next to person 3 and PERSON 10.';
    expect(mentions(think)).toEqual([
      ['Person 4', 4, 'Person'],
      ['person 3', 3, 'person'],
      ['PERSON 10', 10, 'PERSON'],
    ]);
    const [first] = findMentions(think, new Set(), createContext(10));
    expect(think.slice(first.start, first.end)).toBe('Person 4');
    expect(first).toMatchObject({ start: 2, end: 10 });
  });

  it('ignores Step N, counts before nouns, other nouns that are never subjects, and range heads', () => {
    expect(mentions('Step 1: in 2 groups, Helmet 3 and Car 4; Person 1-9 are out; People 8 to 9; Salesperson 2; x_Person 3; Person 5th')).toEqual([]);
  });

  it('counts other nouns when they are line subjects (by singular key)', () => {
    expect(mentions('Helmet 3 is near helmets 4', ['helmet'])).toEqual([
      ['Helmet 3', 3, 'Helmet'],
      ['helmets 4', 4, 'helmets'],
    ]);
  });

  it('drops out-of-range numbers with a warning', () => {
    const ctx = createContext(3);
    expect(findMentions('Person 0, Person 3, Person 4', new Set(), ctx).map((m) => m.person)).toEqual([3]);
    expect(ctx.warnings()).toEqual(['text: Person 0 is out of range (3 candidates)', 'text: Person 4 is out of range (3 candidates)']);
  });
});
