import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/cot/lines.js';
import { expressionFromPlanning, parsePlan } from '../../src/cot/planning.js';

const expr = (text: string): string | null => {
  const lines = splitLines(text);
  return expressionFromPlanning(lines, 0, lines.length);
};

describe('expressionFromPlanning', () => {
  it.each([
    ['OK, the user needs us to detect the two people holding hands. To accomplish this task, ...', 'the two people holding hands'],
    ['OK, the user needs us to detect the man in a red hat.', 'the man in a red hat'],
    ['OK, the user needs us to detect the man in a red hat', 'the man in a red hat'],
    ['OK, the user needs us to detect the man next to the U.S. flag. To accomplish this', 'the man next to the U.S. flag'],
    ['Hello\nOK, the user needs us to detect people wearing glasses. Then', 'people wearing glasses'],
    ['no sentence', null],
    ['OK, the user needs us to detect .', null],
  ])('%s', (text, expected) => {
    expect(expr(text)).toBe(expected);
  });
});

describe('parsePlan', () => {
  it('reads planned steps with or without dash, dropping a duplicated prefix', () => {
    const lines = splitLines('Intro:\n- Step 1: Find red.\nStep 2: Step 2: Find tall.\n-Step 3 - Pick.\nNot a step');
    expect(parsePlan(lines, 0, lines.length)).toEqual(['Find red.', 'Find tall.', 'Pick.']);
  });
});
