import { describe, expect, it } from 'vitest';
import { parseAnnotationCot, parseChainOfThought } from '../../src/cot/parse.js';
import { CUSTOM_GRPO_SOURCE, type Annotation } from '../../src/types.js';
import { REAL_EXAMPLE_COMPLETED, REAL_EXAMPLE_REGION_MAP, REAL_EXAMPLE_THINK, trace } from './traces.js';
import { cases, STEP_4, SUMMARY_4 } from './parse-cases.js';

describe('parseChainOfThought: the real example of the format doc', () => {
  it('parses the verbatim (shortened) trace: Person 1 ❌, Person 2 ✅, no summary', () => {
    const cot = parseChainOfThought(REAL_EXAMPLE_THINK, 4, REAL_EXAMPLE_REGION_MAP);
    expect(cot.expressions).toEqual(['the two people holding hands']);
    expect(cot.plan).toEqual(['Identify the pair of people engaged in a hand-holding interaction.']);
    expect(cot.planning.text).toBe(
      'OK, the user needs us to detect the two people holding hands. To accomplish this task, I need to break it ' +
        'down into the following steps:\n- Step 1: Identify the pair of people engaged in a hand-holding interaction.',
    );
    expect(cot.steps).toHaveLength(1);
    const [step] = cot.steps;
    expect(step.number).toBe(1);
    expect(step.title).toBe('Identify the pair of people engaged in a hand-holding interaction.');
    expect(step.intro).toBe("I see four people in this image. Let's look at their interactions:");
    expect(step.lines.map((l) => [l.subjects, l.subjectKind, l.mark])).toEqual([
      [[1], 'single', '❌'],
      [[2], 'single', '✅'],
      [[], 'none', null],
    ]);
    expect(step.lines[0].text).toBe(
      'Person 1: Standing on the far left, has her arm around Person 2, but not holding hands with anyone.',
    );
    expect(step.lines[1].text).toBe('Person 2: ... holding hands with Person 4.');
    expect(cot.summary).toBeNull();
    expect(cot.verdicts).toEqual(['❌', '✅', null, null]);
    expect(cot.targets).toEqual([2, 4]);
    expect(cot.cotTargets).toEqual([2]);
    expect(cot.consistency).toEqual({ consistent: false, onlyInRegionMap: [4], onlyInCot: [] });
    expect(cot.warnings).toEqual(['no summary found']);
    expect(cot.mentions.map((m) => [REAL_EXAMPLE_THINK.slice(m.start, m.end), m.person])).toEqual([
      ['Person 1', 1],
      ['Person 2', 2],
      ['Person 2', 2],
      ['Person 4', 4],
    ]);
  });

  it('parses the completed trace: consistent with region_map [1, 3]', () => {
    const cot = parseChainOfThought(REAL_EXAMPLE_COMPLETED, 4, REAL_EXAMPLE_REGION_MAP);
    expect(cot.verdicts).toEqual(['❌', '✅', '❌', '✅']);
    expect(cot.summary?.header).toBe('# Summarize and Re-Check answer');
    expect(cot.summary?.intro).toBe("Let's now recheck our answer and put ✅ for the target person and ❌ for others");
    expect(cot.summary?.lines.map((l) => l.subjects[0])).toEqual([1, 2, 3, 4]);
    expect(cot.consistency.consistent).toBe(true);
    expect(cot.warnings).toEqual([]);
  });

  it('gives spans that slice back to the line and section text', () => {
    const think = REAL_EXAMPLE_COMPLETED;
    const cot = parseChainOfThought(think, 4, REAL_EXAMPLE_REGION_MAP);
    expect(think.slice(cot.planning.start, cot.planning.end)).toBe(cot.planning.text);
    const line = cot.summary!.lines[1];
    expect(think.slice(line.start, line.end)).toBe('- Person 2: Holding hands with Person 4. → ✅');
    expect(think.slice(cot.steps[0].start, cot.steps[0].end)).toMatch(/^# Step 1: Identify[\s\S]*Person 2\. → ✅$/);
    expect(think.slice(cot.summary!.start, cot.summary!.end)).toMatch(/^# Summarize[\s\S]*Person 2\. → ✅$/);
  });
});

describe('parseChainOfThought: variants', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const cot = parseChainOfThought(c.think, c.count, c.regionMap ?? {});
    expect(cot.verdicts).toHaveLength(c.count);
    if (c.verdicts) expect(cot.verdicts).toEqual(c.verdicts);
    if (c.cotTargets) expect(cot.cotTargets).toEqual(c.cotTargets);
    if (c.targets) expect(cot.targets).toEqual(c.targets);
    if (c.consistent !== undefined) expect(cot.consistency.consistent).toBe(c.consistent);
    if (c.expressions) expect(cot.expressions).toEqual(c.expressions);
    if (c.summaryHeader !== undefined) expect(cot.summary?.header ?? null).toBe(c.summaryHeader);
    if (c.noWarnings) expect(cot.warnings).toEqual([]);
    for (const pattern of c.warnings ?? []) expect(cot.warnings.some((w) => pattern.test(w)), `${pattern} in ${JSON.stringify(cot.warnings)}`).toBe(true);
    c.check?.(cot);
  });
});

describe('parseChainOfThought: inputs beyond the contract', () => {
  it('treats a bad candidateCount as 0 and a non-object region_map as {}', () => {
    const cot = parseChainOfThought('- Person 1: ✅', Number.NaN, null as unknown as Record<string, number[]>);
    expect(cot.verdicts).toEqual([]);
    expect(cot.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/candidateCount NaN/), expect.stringMatching(/region_map is not an object/)]));
  });

  it('takes the expression from the planning sentence only when region_map is {}', () => {
    const think = 'OK, the user needs us to detect the man holding a U.S. flag. To accomplish this task, I need steps:';
    expect(parseChainOfThought(think, 1, {}).expressions).toEqual(['the man holding a U.S. flag']);
    expect(parseChainOfThought(think, 1, { other: [0] }).expressions).toEqual(['other']);
    expect(parseChainOfThought('No planning sentence here.', 1, {}).expressions).toEqual([]);
  });

  it('lists at most 50 warnings, then says how many more there were', () => {
    const think = Array.from({ length: 80 }, (_, i) => `Person ${i + 10} waves.`).join('\n');
    const { warnings } = parseChainOfThought(think, 3, {});
    expect(warnings).toHaveLength(51);
    expect(warnings[0]).toBe('no summary found');
    expect(warnings[50]).toBe('31 more warnings not shown');
  });

  it('uses the last of several summaries, with a warning', () => {
    const think = trace({ steps: [STEP_4], summary: SUMMARY_4 }) + '\n# Summarize again\n- Person 1: ✅\n- Others: ❌';
    const cot = parseChainOfThought(think, 4, {});
    expect(cot.summary!.header).toBe('# Summarize again');
    expect(cot.verdicts).toEqual(['✅', '❌', '❌', '❌']);
    expect(cot.warnings).toContain('2 summary sections found; using the last one');
  });
});

describe('parseAnnotationCot: a row of upstream\'s custom GRPO format', () => {
  const hints: Annotation['gtBoxes'] = [[0, 0, 10, 10], [20, 0, 10, 10]];
  const row = (ans: number[], targets: number[], source: string | null = CUSTOM_GRPO_SOURCE): Annotation => ({
    gtBoxes: hints,
    regionMap: { 'the man on the right': targets },
    think: '',
    extra: source === null ? {} : { source, ans },
  });

  it('has no reasoning to disagree with: consistent, no "think is empty", and it answers with its ans', () => {
    const cot = parseAnnotationCot(row([20, 0, 30, 10], [1]));
    expect(cot.answer).toEqual({ box: [20, 0, 30, 10], hint: 2 });
    expect(cot.targets).toEqual([2]);
    expect(cot.consistency).toEqual({ consistent: true, onlyInRegionMap: [], onlyInCot: [] });
    expect(cot.warnings).toEqual([]);
  });

  it('an ans that equals no hint: no hint, still an answer (never a rejection)', () => {
    const cot = parseAnnotationCot(row([19, 0, 30, 10], []));
    expect(cot.answer).toEqual({ box: [19, 0, 30, 10], hint: null });
    expect(cot.consistency.consistent).toBe(true);
  });

  it('names its candidates by the hints\' category (a row has no reasoning to take a noun from); Person without one', () => {
    const car = row([20, 0, 30, 10], [1]);
    car.extra.hint_category = 'car';
    expect(parseAnnotationCot(car).noun).toBe('Car');
    expect(parseAnnotationCot(row([20, 0, 30, 10], [1])).noun).toBe('Person');
    // Only such rows: a HumanRef-CoT sample's noun is its reasoning's.
    const sample = row([20, 0, 30, 10], [1], null);
    sample.extra.hint_category = 'car';
    expect(parseAnnotationCot(sample).noun).toBe('Person');
  });

  it('a HumanRef-CoT sample with an empty think is still inconsistent with its targets, and warned', () => {
    const cot = parseAnnotationCot(row([20, 0, 30, 10], [1], null));
    expect(cot.answer).toBeUndefined();
    expect(cot.consistency).toEqual({ consistent: false, onlyInRegionMap: [2], onlyInCot: [] });
    expect(cot.warnings).toContain('think is empty');
  });
});
