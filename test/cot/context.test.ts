// One parse's shared state: the candidate count made safe, warnings collected once each and capped, short quotes.
import { describe, expect, it } from 'vitest';
import { createContext, MAX_CANDIDATES, MAX_WARNINGS, quote } from '../../src/cot/context.js';

describe('createContext', () => {
  it('makes the candidate count a whole number within bounds, warning when it had to', () => {
    expect([createContext(3).candidateCount, createContext(3).warnings()]).toEqual([3, []]);
    expect([createContext(2.5).candidateCount, createContext(2.5).warnings()]).toEqual([2, ['candidateCount 2.5 is not an integer; using 2']]);
    expect(createContext(1e9).candidateCount).toBe(MAX_CANDIDATES);
    for (const bad of [-1, Number.NaN, '3', null]) expect(createContext(bad).candidateCount, String(bad)).toBe(0);
    expect(createContext('3').warnings()).toEqual(['candidateCount 3 is not a non-negative number; using 0']);
  });

  it('checks a person number against the count, warning once per number out of range', () => {
    const ctx = createContext(2);
    expect([1, 2].map((n) => ctx.checkPerson(n, 'Step 1'))).toEqual([true, true]);
    expect([0, 3, 3, 1.5, Infinity].map((n) => ctx.checkPerson(n, 'Step 1'))).toEqual([false, false, false, false, false]);
    expect(ctx.warnings()).toEqual([
      'Step 1: Person 0 is out of range (2 candidates)',
      'Step 1: Person 3 is out of range (2 candidates)',
      'Step 1: Person 1.5 is out of range (2 candidates)',
      'Step 1: Person with a huge number is out of range (2 candidates)',
    ]);
  });

  it('keeps each warning once and at most MAX_WARNINGS of them, counting the rest', () => {
    const ctx = createContext(1);
    for (let i = 0; i < MAX_WARNINGS + 3; i++) ctx.warn(`w${i}`);
    ctx.warn('w0');
    const warnings = ctx.warnings();
    expect(warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(warnings.at(-1)).toBe('3 more warnings not shown');
  });
});

describe('quote', () => {
  it('quotes text on one line, cut with an ellipsis past the limit', () => {
    expect(quote('Person 1:\n  left')).toBe('"Person 1: left"');
    expect(quote('abcdefghij', 5)).toBe('"abcd…"');
    expect(quote('x'.repeat(100_000)).length).toBe(50);
  });
});
