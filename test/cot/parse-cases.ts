// The variants of the reasoning format parse.test.ts runs parseChainOfThought on: headers, summary headers, subjects,
// marks, orders, rejections ... each with the verdicts, targets and warnings it must give.
import { expect } from 'vitest';
import type { Mark, ParsedCot } from '../../src/types.js';
import { crowdedTrace, trace } from './traces.js';

export interface Case {
  name: string;
  think: string;
  count: number;
  regionMap?: Record<string, number[]>;
  verdicts?: (Mark | null)[];
  cotTargets?: number[];
  targets?: number[];
  consistent?: boolean;
  expressions?: string[];
  summaryHeader?: string | null;
  /** Each must match at least one warning. */
  warnings?: RegExp[];
  noWarnings?: boolean;
  check?: (cot: ParsedCot) => void;
}

export const SUMMARY_4 = ['- Person 1: No. → ❌', '- Person 2: Yes. → ✅', '- Person 3: No. → ❌', '- Person 4: No. → ❌'];
export const STEP_4 = { lines: ['- Person 1: Blue. → ❌', '- Person 2: Red. → ✅', '- Person 3: Green. → ❌', '- Person 4: Black. → ❌'] };

const headerCases: Case[] = [
  ['#  Step 1: Find the man in red.', 1, 'Find the man in red.'],
  ['# Step2: Find the man in red.', 2, 'Find the man in red.'],
  ['# Step 1: Step 1: Find the man in red.', 1, 'Find the man in red.'],
  ['# step 1 - Find the man in red', 1, 'Find the man in red'],
  ['### Step 1: Find the man in red.', 1, 'Find the man in red.'],
].map(([header, number, title]) => ({
  name: `step header ${JSON.stringify(header)}`,
  think: trace({ steps: [{ header: header as string, lines: STEP_4.lines }], summary: SUMMARY_4 }),
  count: 4,
  regionMap: { 'the man in red': [1] },
  verdicts: ['❌', '✅', '❌', '❌'],
  noWarnings: true,
  check: (cot: ParsedCot) => {
    expect(cot.steps.map((s) => [s.number, s.title])).toEqual([[number, title]]);
    expect(cot.steps[0].lines).toHaveLength(4);
  },
}));

const summaryHeaderCases: Case[] = [
  '# Summarize and Re-Check answer',
  '# Summarize and Re - Check answer',
  '# summarize and re-check Answer',
  '#Summarize and Re-Check answer',
  '# SUMMARIZE  AND  RE-CHECK ANSWER',
  "# Let's summarize",
  '# Step 3: Summarize and Re-Check answer',
  '## Summary',
].map((header) => ({
  name: `summary header ${JSON.stringify(header)}`,
  think: trace({ steps: [STEP_4], summaryHeader: header, summary: ['- Person 1: ❌', '- Person 2: ⚠️', '- Person 3: ✅', '- Person 4: ❌'] }),
  count: 4,
  verdicts: ['❌', '⚠️', '✅', '❌'],
  summaryHeader: header,
  check: (cot: ParsedCot) => expect(cot.steps).toHaveLength(1),
}));

export const cases: Case[] = [
  ...headerCases,
  ...summaryHeaderCases,
  {
    name: 'grouped summary lines: range, list, Others',
    think: trace({
      steps: [{ lines: Array.from({ length: 12 }, (_, i) => `- Person ${i + 1}: Looks. → ${i === 9 ? '✅' : '❌'}`) }],
      summary: ['- Person 1-3: Not in red. → ❌', '- Person 4,5,7: Blue. ❌', '- Person 10: Red shirt. → ✅', '- Others: Not matching. → ❌'],
    }),
    count: 12,
    regionMap: { 'the man in red': [9] },
    cotTargets: [10],
    consistent: true,
    noWarnings: true,
    check: (cot) => {
      expect(cot.summary!.lines.map((l) => [l.subjectKind, l.subjects])).toEqual([
        ['range', [1, 2, 3]],
        ['list', [4, 5, 7]],
        ['single', [10]],
        ['others', [6, 8, 9, 11, 12]],
      ]);
      expect(cot.verdicts.filter((v) => v === '❌')).toHaveLength(11);
    },
  },
  {
    name: 'list with "and", repeated noun, and "For the remaining N people"',
    think: trace({
      steps: [{ lines: ['- Person 1, 2 and 4: Sitting. → ❌', '- Person 3 and Person 5: Standing. → ⚠️'] }],
      summary: ['- Person 3: Red. → ✅', '- For the remaining 4 people: not in red. ❌'],
    }),
    count: 5,
    regionMap: { 'the man in red': [2] },
    verdicts: ['❌', '❌', '✅', '❌', '❌'],
    consistent: true,
    noWarnings: true,
    check: (cot) => {
      expect(cot.steps[0].lines.map((l) => [l.subjectKind, l.subjects])).toEqual([
        ['list', [1, 2, 4]],
        ['list', [3, 5]],
      ]);
      expect(cot.summary!.lines[1]).toMatchObject({ subjectKind: 'others', subjects: [1, 2, 4, 5], mark: '❌' });
      expect(cot.summary!.lines[1].text).toBe('For the remaining 4 people: not in red.');
    },
  },
  {
    name: '"the remaining N people" that does not add up is a warning',
    think: trace({ steps: [STEP_4], summary: ['- Person 2: ✅', '- The remaining 66 people: ❌'] }),
    count: 4,
    verdicts: ['❌', '✅', '❌', '❌'],
    warnings: [/66 remaining but 3 are not named/],
  },
  {
    name: 'order line: order list, no subjects, not a verdict',
    think: trace({
      steps: [
        {
          intro: 'First, sort the people from left to right.',
          lines: ['The order from left to right is [person 4, person 3, person 1, person 2].', '- Person 4: Leftmost. → ✅'],
        },
      ],
      summary: ['- Person 4: Leftmost. → ✅', '- Others: ❌'],
    }),
    count: 4,
    regionMap: { 'the leftmost person': [3] },
    verdicts: ['❌', '❌', '❌', '✅'],
    noWarnings: true,
    check: (cot) => {
      const [order] = cot.steps[0].lines;
      expect(order).toMatchObject({ subjects: [], subjectKind: 'none', mark: null, order: [4, 3, 1, 2] });
      expect(cot.steps[0].intro).toBe('First, sort the people from left to right.');
    },
  },
  {
    name: 'bare ⚠ and ⚠️ both normalise to ⚠️; ⚠️ reference person kept in the summary',
    think: trace({
      expr: 'the man next to the woman in red',
      steps: [{ lines: ['- Person 1: Woman in red → ⚠\u2009', '- Person 2: Man next to her → ✅', '- Person 3: Far away → ❌'] }],
      summary: ['- Person 1: The reference woman in red. → ⚠️', '- Person 2: Next to her. → ✅', '- Person 3: ❌'],
    }),
    count: 3,
    regionMap: { 'the man next to the woman in red': [1] },
    verdicts: ['⚠️', '✅', '❌'],
    cotTargets: [2],
    consistent: true,
    noWarnings: true,
    check: (cot) => {
      expect(cot.steps[0].lines[0]).toMatchObject({ mark: '⚠️', text: 'Person 1: Woman in red' });
      expect(cot.summary!.lines[0].mark).toBe('⚠️');
    },
  },
  {
    name: 'marks without arrow, missing dash, lowercase person, mark not at the end',
    think: trace({
      steps: [{ lines: ['person 1: wearing blue ❌', 'Person 2: wearing red → ✅', '- PERSON 3: ✅ at first glance, but no'] }],
      summary: ['person 1: ❌', 'Person 2: ✅', 'Person 3 ❌'],
    }),
    count: 3,
    verdicts: ['❌', '✅', '❌'],
    noWarnings: true,
    check: (cot) => {
      const lines = cot.steps[0].lines;
      expect(lines.map((l) => [l.subjects, l.mark, l.text])).toEqual([
        [[1], '❌', 'person 1: wearing blue'],
        [[2], '✅', 'Person 2: wearing red'],
        [[3], '✅', 'PERSON 3: ✅ at first glance, but no'],
      ]);
    },
  },
  {
    name: 'candidate named only in the steps takes its last step mark',
    think: trace({
      plan: ['Find people in red.', 'Find the tallest.'],
      steps: [
        { lines: ['- Person 1: Red. → ⚠️', '- Person 2: Red. → ⚠️', '- Person 3: Blue. → ❌'] },
        { intro: 'Among Person 1 and Person 2:', lines: ['- Person 1: Shorter. → ❌', '- Person 2: Tallest. → ✅'] },
      ],
      summary: ['- Person 2: Tallest in red. → ✅'],
    }),
    count: 4,
    regionMap: { 'the tallest person in red': [1] },
    verdicts: ['❌', '✅', '❌', null],
    consistent: true,
    noWarnings: true,
    check: (cot) => {
      expect(cot.plan).toEqual(['Find people in red.', 'Find the tallest.']);
      expect(cot.steps[1].intro).toBe('Among Person 1 and Person 2:');
    },
  },
  {
    name: 'conclusion lines name nobody; with a mark they are warned about',
    think: trace({
      steps: [{ lines: ['- Person 2: Adult. → ✅', '- Person 4: Adult. → ✅', 'So Person 2 and Person 4 are the two adults.', 'Both are targets ✅'] }],
      summary: ['- Person 2: ✅', '- Person 4: ✅', '- Others: ❌'],
    }),
    count: 4,
    regionMap: { 'the two adults': [1, 3] },
    consistent: true,
    warnings: [/step 1: line "Both are targets" carries ✅ but names no candidate/],
    check: (cot) => {
      expect(cot.steps[0].lines[2]).toMatchObject({ subjects: [], subjectKind: 'none', mark: null });
      expect(cot.warnings).toHaveLength(1);
    },
  },
  {
    name: 'a line starting with Person N without a colon is a subject only when it carries a mark',
    think: trace({
      steps: [{ lines: ['- Person 1: Blue. ❌', '- Person 2: Red. ✅', 'Person 1 and Person 2 were compared above.'] }],
      summary: ['Person 2 is the man in red ✅', 'Person 1 is not ❌'],
    }),
    count: 2,
    regionMap: { 'the man in red': [1] },
    verdicts: ['❌', '✅'],
    consistent: true,
    noWarnings: true,
    check: (cot) => {
      expect(cot.steps[0].lines[2]).toMatchObject({ subjects: [], subjectKind: 'none' });
      expect(cot.summary!.lines.map((l) => [l.subjects, l.text])).toEqual([
        [[2], 'Person 2 is the man in red'],
        [[1], 'Person 1 is not'],
      ]);
    },
  },
  {
    name: 'summary intro marks are not verdicts',
    think: trace({ steps: [STEP_4], summaryIntro: 'Put ✅ for the target and ❌ for others, ⚠️ for the reference', summary: SUMMARY_4 }),
    count: 4,
    verdicts: ['❌', '✅', '❌', '❌'],
    noWarnings: true,
  },
  {
    name: 'rejection sample {"expr": []}: all ❌ is consistent',
    think: trace({ expr: 'the clown', steps: [{ lines: ['- Person 1: Not a clown. → ❌', '- Person 2: Not a clown. → ❌'] }], summary: ['- Person 1: ❌', '- Person 2: ❌'] }),
    count: 2,
    regionMap: { 'the clown': [] },
    expressions: ['the clown'],
    targets: [],
    cotTargets: [],
    consistent: true,
    noWarnings: true,
  },
  {
    name: 'rejection sample {} with "Let’s now finalize:" and no # header',
    think:
      'OK, the user needs us to detect the woman with a red umbrella. To accomplish this task, I need to break it down into the following steps:\n' +
      'Step 1: Find umbrellas.\n\n# Step 1: Find umbrellas.\nNobody holds an umbrella.\n- Person 1: No umbrella ❌\n- Person 2: No umbrella ❌\n' +
      'Let’s now finalize:\n- Person 1: ❌\n- Person 2: ❌\nNo one matches the description.',
    count: 2,
    regionMap: {},
    expressions: ['the woman with a red umbrella'],
    summaryHeader: 'Let’s now finalize:',
    verdicts: ['❌', '❌'],
    consistent: true,
    noWarnings: true,
    check: (cot) => {
      expect(cot.plan).toEqual(['Find umbrellas.']);
      expect(cot.steps[0].lines).toHaveLength(2);
      expect(cot.summary!.lines.at(-1)).toMatchObject({ subjects: [], mark: null, text: 'No one matches the description.' });
    },
  },
  {
    name: '"Let\'s now finalize:" with a straight apostrophe and text on the same line',
    think: "OK, the user needs us to detect the chef.\n- Person 1: Suit ❌\nLet's now finalize: nobody wears a chef hat.\n- Person 1: ❌",
    count: 1,
    regionMap: {},
    expressions: ['the chef'],
    summaryHeader: "Let's now finalize:",
    verdicts: ['❌'],
    check: (cot) => {
      expect(cot.steps).toEqual([]);
      expect(cot.summary!.intro).toBe('nobody wears a chef hat.');
    },
  },
  {
    name: 'text and region_map disagree both ways',
    think: trace({ steps: [STEP_4], summary: ['- Person 1: ✅', '- Person 2: ✅', '- Person 3: ❌', '- Person 4: ❌'] }),
    count: 4,
    regionMap: { 'the man in red': [1, 3] },
    cotTargets: [1, 2],
    check: (cot) => expect(cot.consistency).toEqual({ consistent: false, onlyInRegionMap: [4], onlyInCot: [1] }),
  },
  {
    name: 'several region_map expressions: targets are the ascending union',
    think: trace({ steps: [STEP_4], summary: SUMMARY_4 }),
    count: 4,
    regionMap: { b: [3, 1], a: [1] },
    expressions: ['b', 'a'],
    targets: [2, 4],
  },
  {
    name: 'generic noun subjects (Helmet 5:) and their mentions',
    think: trace({
      expr: 'the red helmet',
      steps: [{ intro: 'There are 5 helmets in 2 groups; Step 1 looks at colour.', lines: ['- Helmet 1-4: Blue. → ❌', '- Helmet 5: Red, next to Helmet 4. → ✅'] }],
      summary: ['- Helmet 5: ✅', '- Others: ❌'],
    }),
    count: 5,
    regionMap: { 'the red helmet': [4] },
    verdicts: ['❌', '❌', '❌', '❌', '✅'],
    consistent: true,
    noWarnings: true,
    check: (cot) => {
      expect(cot.mentions.map((m) => `${m.noun} ${m.person}`)).toEqual(['Helmet 5', 'Helmet 4', 'Helmet 5']);
    },
  },
  {
    name: 'a candidate with two different marks in the summary: warned, the specific line wins',
    think: trace({ steps: [STEP_4], summary: ['- Person 1-4: ❌', '- Person 2: ✅', '- Person 3: ✅', '- Person 3: ❌'] }),
    count: 4,
    verdicts: ['❌', '✅', '❌', '❌'],
    warnings: [/Person 2 is marked both ❌ and ✅/, /Person 3 is marked both ❌ and ✅/],
  },
  {
    name: 'person numbers out of range are dropped with a warning',
    think: trace({ steps: [{ lines: ['- Person 0: ❌', '- Person 1: ✅', '- Person 7: ❌', '- Person 2-9: ❌'] }], summary: ['- Person 1: ✅ near Person 12'] }),
    count: 3,
    verdicts: ['✅', '❌', '❌'],
    warnings: [/Person 0 is out of range \(3 candidates\)/, /Person 7 is out of range/, /Person 9 is out of range/, /Person 12 is out of range/],
    check: (cot) => {
      expect(cot.steps[0].lines.map((l) => l.subjects)).toEqual([[], [1], [], [2, 3]]);
      expect(cot.mentions.every((m) => m.person >= 1 && m.person <= 3)).toBe(true);
    },
  },
  {
    name: 'region_map index out of range',
    think: trace({ steps: [STEP_4], summary: SUMMARY_4 }),
    count: 4,
    regionMap: { 'the man in red': [1, 4, -1] },
    targets: [2],
    consistent: true,
    warnings: [/region_map "the man in red": index 4 is out of range \(4 candidates\)/, /index -1 is out of range/],
  },
  {
    name: 'no summary: verdicts from the steps, warned',
    think: trace({ steps: [STEP_4], summaryHeader: null }),
    count: 4,
    verdicts: ['❌', '✅', '❌', '❌'],
    summaryHeader: null,
    warnings: [/^no summary found$/],
  },
  {
    name: 'empty think',
    think: '  \n ',
    count: 2,
    regionMap: { x: [0] },
    verdicts: [null, null],
    targets: [1],
    expressions: ['x'],
    consistent: false,
    warnings: [/^think is empty$/],
  },
  {
    name: 'CRLF line endings',
    think: trace({ steps: [STEP_4], summary: SUMMARY_4 }).replace(/\n/g, '\r\n'),
    count: 4,
    verdicts: ['❌', '✅', '❌', '❌'],
    noWarnings: true,
    check: (cot) => expect(cot.summary!.lines[0].text).toBe('Person 1: No.'),
  },
  {
    name: 'bold subjects and a parenthetical before the colon',
    think: trace({ steps: [{ lines: ['- **Person 1**: Blue. → ❌', '- **Person 2:** Red. → ✅', '- Person 3 (the child): Red. → ❌'] }], summary: ['- Person 2: ✅', '- Others: ❌'] }),
    count: 3,
    verdicts: ['❌', '✅', '❌'],
    noWarnings: true,
    check: (cot) => expect(cot.steps[0].lines.map((l) => l.subjects)).toEqual([[1], [2], [3]]),
  },
  {
    name: '68-candidate trace',
    think: crowdedTrace(68, [3, 30, 68]),
    count: 68,
    regionMap: { 'the people wearing helmets': [2, 29, 67] },
    cotTargets: [3, 30, 68],
    consistent: true,
    noWarnings: true,
    check: (cot) => {
      expect(cot.summary!.lines).toHaveLength(68);
      expect(cot.mentions).toHaveLength(68 * 4);
    },
  },
];
