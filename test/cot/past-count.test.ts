// Candidate mentions past the candidate count, found again after the parser dropped them.
import { describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/parse.js';
import { mentionsPastCount } from '../../src/cot/past-count.js';

describe('mentionsPastCount', () => {
  it('finds Person 9 and Person 123456 of 4 with their places, not Step 12 nor Person 3', () => {
    const think = '# Step 12: look\n- Person 3: fine → ✅\n- Person 9: far back → ❌\nPerson 123456 too.';
    const cot = parseChainOfThought(think, 4, {});
    const found = mentionsPastCount(think, cot, 4);
    expect(found.map((m) => [think.slice(m.start, m.end), m.person, m.noun])).toEqual([['Person 9', 9, 'Person'], ['Person 123456', 123456, 'Person']]);
  });

  it('takes nouns the reasoning uses for candidates (Helmet), not other words before numbers', () => {
    const think = '# Step 1: sort\n- Helmet 1: left → ❌\n- Helmet 2: right → ✅\nHelmet 8 is not there; Room 9 neither.';
    const cot = parseChainOfThought(think, 2, {});
    expect(mentionsPastCount(think, cot, 2).map((m) => `${m.noun} ${m.person}`)).toEqual(['Helmet 8']);
  });
});
