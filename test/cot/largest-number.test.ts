// The largest candidate-like number in a text, for counting candidates the hint does not have.
import { describe, expect, it } from 'vitest';
import { largestNamedNumber } from '../../src/cot/largest-number.js';

describe('largestNamedNumber', () => {
  it('takes numbers after words, not after structural words, glued letters or nothing', () => {
    expect(largestNamedNumber('# Step 12: look\n- Person 3: fine\n- Helmet 9: far back\n42 people, Person 7th, Room 5', 1000)).toBe(9);
    expect(largestNamedNumber('no numbers here', 1000)).toBe(0);
  });

  it('stops at the cap', () => {
    expect(largestNamedNumber('Person 123456 and Person 2', 1000)).toBe(1000);
  });
});
