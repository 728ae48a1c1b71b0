// Property test: the parser is total and its output stays within bounds for any string.
import { describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/parse.js';
import type { ParsedCot, Span } from '../../src/types.js';
import { mulberry32 as prng } from '../../src/selection/sampling.js';
import { REAL_EXAMPLE_COMPLETED, crowdedTrace, trace } from './traces.js';


const TOKENS = [
  'Person', 'person', 'PEOPLE', 'Helmet', 'Step', ' ', ' ', ' ', '  ', '\t', '\n', '\n', '\r\n', '\n\n', ':', '：', '-', '- ',
  '–', ',', ', ', ' and ', '&', '[', ']', '(', ')', '**', '#', '# ', '# Step ', '# Summarize and Re-Check answer',
  'Let’s now finalize:', "Let's now finalize:", 'Others', 'the remaining', 'For the remaining 66 people', 'to',
  '→', '->', '✅', '❌', '⚠', '⚠️', '\uFE0F', '1', '2', '3', '9', '0', '12', '68', '999999999999', '-1', '.',
  'OK, the user needs us to detect ', 'the man', 'order from left to right is ', '\uD800', '\uDFFF', '\u0000',
  '\u2028', '\uFEFF', 'é', '😀',
];

function randomString(rand: () => number, maxTokens: number): string {
  const n = Math.floor(rand() * maxTokens);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += rand() < 0.85 ? TOKENS[Math.floor(rand() * TOKENS.length)] : String.fromCharCode(Math.floor(rand() * 0x10000));
  }
  return s;
}

const VALID = [
  REAL_EXAMPLE_COMPLETED,
  crowdedTrace(12, [2, 5]),
  trace({
    steps: [
      { lines: ['- Person 1-3: ❌', '- Person 4, 5 and 6: → ⚠', 'The order from left to right is [person 6, person 4, person 5].'] },
      { header: '# Step2: Step 2: pick', lines: ['person 4: ✅', '- Others: ❌'] },
    ],
    summaryHeader: '# Summarize and Re - Check answer',
    summary: ['- Person 4: ✅', '- For the remaining 5 people: ❌'],
  }),
  'OK, the user needs us to detect the clown.\n# Step 1: x\n- Person 1: no ❌\nLet’s now finalize:\n- Person 1: ❌',
];

function mutate(rand: () => number, text: string): string {
  let s = text;
  const rounds = 1 + Math.floor(rand() * 6);
  for (let r = 0; r < rounds; r++) {
    const at = Math.floor(rand() * (s.length + 1));
    const len = Math.floor(rand() * 40);
    switch (Math.floor(rand() * 6)) {
      case 0: s = s.slice(0, at) + s.slice(at + len); break; // delete
      case 1: s = s.slice(0, at) + randomString(rand, 8) + s.slice(at); break; // insert tokens
      case 2: s = s.slice(0, at) + s.slice(at, at + len) + s.slice(at); break; // duplicate
      case 3: s = s.slice(0, at); break; // truncate
      case 4: s = s.replace(/\d+/, String(Math.floor(rand() * 200) - 50)); break; // renumber
      default: s = s.slice(0, at) + String.fromCharCode(0xd800 + Math.floor(rand() * 0x800)) + s.slice(at + 1); // lone surrogate
    }
  }
  return s;
}

function randomRegionMap(rand: () => number): Record<string, number[]> {
  const map: Record<string, number[]> = {};
  const keys = Math.floor(rand() * 3);
  for (let k = 0; k < keys; k++) {
    map[`expr ${k}`] = Array.from({ length: Math.floor(rand() * 4) }, () => Math.floor(rand() * 90) - 5);
  }
  return map;
}

// Plain checks collected into one list: thousands of expect() calls per input would dominate the run time.
function invariantViolations(think: string, count: number, cot: ParsedCot): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const span = (s: Span, what: string): void =>
    check(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= think.length, `${what} span ${s.start}-${s.end}`);
  const ordered = (spans: Span[], what: string): void => {
    for (let i = 1; i < spans.length; i++) check(spans[i].start >= spans[i - 1].end, `${what} ${i} out of order`);
  };
  const inRange = (numbers: number[], what: string): void => {
    for (const n of numbers) check(Number.isInteger(n) && n >= 1 && n <= count, `${what} ${n} out of 1..${count}`);
  };

  check(cot.verdicts.length === count, `verdicts.length ${cot.verdicts.length}`);
  check(!cot.warnings.some((w) => w.startsWith('internal')), `internal error: ${cot.warnings.join(' | ')}`);
  span(cot.planning, 'planning');
  check(think.slice(cot.planning.start, cot.planning.end) === cot.planning.text, 'planning text');
  for (const section of [...cot.steps, ...(cot.summary ? [cot.summary] : [])]) {
    span(section, 'section');
    ordered(section.lines, 'line');
    for (const line of section.lines) {
      span(line, 'line');
      check(line.start >= section.start && line.end <= section.end, 'line outside its section');
      inRange(line.subjects, 'subject');
      check(line.subjects.every((n, i) => i === 0 || n > line.subjects[i - 1]), 'subjects not ascending/unique');
      inRange(line.order ?? [], 'order');
      check(line.subjectKind !== 'none' || line.subjects.length === 0, 'kind none with subjects');
    }
  }
  ordered(cot.steps, 'step');
  ordered(cot.mentions, 'mention');
  for (const m of cot.mentions) {
    span(m, 'mention');
    check(think.slice(m.start, m.start + m.noun.length) === m.noun, `mention noun ${m.noun}`);
  }
  inRange(cot.mentions.map((m) => m.person), 'mention');
  inRange(cot.cotTargets, 'cotTarget');
  inRange(cot.targets, 'target');
  check(
    cot.cotTargets.join() === cot.verdicts.flatMap((v, i) => (v === '✅' ? [i + 1] : [])).join(),
    'cotTargets differ from the ✅ verdicts',
  );
  const { consistent, onlyInCot, onlyInRegionMap } = cot.consistency;
  check(consistent === (onlyInCot.length + onlyInRegionMap.length === 0), 'consistency flag');
  return problems;
}

function checkInvariants(think: string, count: number, cot: ParsedCot): void {
  const problems = invariantViolations(think, count, cot);
  if (problems.length > 0) expect(problems, `input ${JSON.stringify(think.slice(0, 300))} (${count} candidates)`).toEqual([]);
}

/** Parses 3000 inputs made by `make` (from a seeded PRNG) with up to `maxCount` candidates, checking the invariants of each. */
function fuzzParse(seed: number, maxCount: number, make: (rand: () => number, i: number) => string): void {
  const rand = prng(seed);
  for (let i = 0; i < 3000; i++) {
    const think = make(rand, i);
    const count = Math.floor(rand() * maxCount);
    checkInvariants(think, count, parseChainOfThought(think, count, randomRegionMap(rand)));
  }
}

describe('parseChainOfThought: property test', () => {
  it('never throws and stays in bounds on 3000 random strings', () => {
    fuzzParse(20261128, 20, (rand) => randomString(rand, 120));
  });

  it('never throws and stays in bounds on 3000 mutations of valid traces', () => {
    fuzzParse(42, 15, (rand, i) => mutate(rand, VALID[i % VALID.length]));
  });

  it('is deterministic', () => {
    const rand = prng(7);
    for (let i = 0; i < 200; i++) {
      const think = mutate(rand, VALID[i % VALID.length]);
      expect(parseChainOfThought(think, 6, { a: [1] })).toEqual(parseChainOfThought(think, 6, { a: [1] }));
    }
  });

  it('survives pathological inputs', () => {
    const huge = [
      'a'.repeat(200_000),
      '#'.repeat(100_000),
      'Person '.repeat(20_000),
      '[person 1, '.repeat(20_000),
      '- Person 1-999999999: ❌\n'.repeat(2000),
      '\n'.repeat(100_000),
      '✅⚠️❌'.repeat(30_000),
      'Let’s now finalize: '.repeat(5_000),
      `Others${' '.repeat(50_000)}x`,
      Array.from({ length: 5000 }, (_, i) => String.fromCharCode(0xd800 + (i % 2048))).join(''),
    ];
    for (const think of huge) checkInvariants(think, 68, parseChainOfThought(think, 68, { e: [0, 67, 68] }));
    for (const [count, length] of [[-1, 0], [2.5, 2], [Number.POSITIVE_INFINITY, 0], [1e12, 100_000]]) {
      const cot = parseChainOfThought('- Person 1: ✅', count, {});
      expect(cot.verdicts).toHaveLength(length);
      expect(cot.warnings[0]).toMatch(/^candidateCount /);
    }
    expect(() => parseChainOfThought(undefined as unknown as string, 2, {})).not.toThrow();
  });
});
