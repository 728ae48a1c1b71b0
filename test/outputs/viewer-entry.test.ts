// A visualize outcome as a viewer entry: 1-based targets, xyxy boxes, grouped lines expanded, the photo as stored.
import { describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import { buildSampleRecord, countVerdicts } from '../../src/outputs/sample-json.js';
import { buildViewerEntry, viewerEntry, viewerExtras } from '../../src/outputs/viewer-entry.js';
import { parseAnnotationCot } from '../../src/cot/parse.js';
import { ANSWER_COLOR } from '../../src/render/colors.js';
import { CUSTOM_GRPO_SOURCE, type Sample } from '../../src/types.js';
import { HELMET_EXPRESSION, HELMET_REGION_MAP, HELMET_TRACE } from '../cot/traces.js';

const think = [
  'OK, the user needs us to detect the person on the bench.',
  '# Step 1: Find the people on the bench.',
  '- Person 1: Standing. → ❌',
  '- Person 2: On the bench. → ✅',
  '# Summarize and Re-Check answer',
  '- Person 1, 3: Standing. → ❌',
  '- Person 2: On the bench. → ✅',
].join('\n');

const sample: Sample = {
  split: 'main',
  index: 42,
  annOffset: 0,
  imgOffset: 10,
  imageKey: 'k',
  image: Buffer.from('jpeg bytes'),
  imageFormat: 'jpeg',
  annotation: { gtBoxes: [[1, 2, 10, 20], [30, 2, 10, 20], [60, 2, 10, 20]], regionMap: { 'the person on the bench': [1] }, think, extra: {} },
};

describe('viewer entry from a visualize outcome', () => {
  it('carries the details the sample view draws', () => {
    const cot = parseChainOfThought(think, 3, sample.annotation.regionMap);
    const record = buildSampleRecord(sample, cot, { width: 100, height: 50, format: 'jpeg' }, ['w'], '/out/main_000042.png');
    const viewer = viewerExtras(sample, cot, record);
    const entry = viewerEntry({ status: 'rendered', position: 0, record, file: 'main_000042.png', verdictCounts: countVerdicts(cot.verdicts), viewer }, () => 'unused');
    expect(entry).toMatchObject({ name: 'main_000042', split: 'main', index: 42, status: 'rendered', file: 'main_000042.png', candidates: 3, consistent: true, rejection: false, warnings: ['w'], searchText: think });
    expect(entry.image).toEqual({ bytes: sample.image, format: 'jpeg' });
    const d = entry.detail!;
    expect(d.image).toEqual({ width: 100, height: 50 });
    expect(d.candidates[1]).toEqual({ person: 2, box: [30, 2, 40, 22], verdict: '✅', target: true });
    expect(d.regionMap).toEqual([{ expression: 'the person on the bench', targets: [2] }]);
    expect(d.cotTargets).toEqual([2]);
    // The grouped summary line is about Person 1 and Person 3, and it starts where the text says.
    const grouped = d.lines.find((l) => l.subjects.length === 2)!;
    expect(grouped.subjects).toEqual([1, 3]);
    expect(think.slice(grouped.start)).toMatch(/^- Person 1, 3:|^Person 1, 3:/);
    const mentions = d.mentions.map((m) => [think.slice(m.start, m.end), m.person]);
    expect(mentions).toContainEqual(['Person 2', 2]);
    // Every person a grouped line names is a mention, not only the first.
    const inGrouped = d.mentions.filter((m) => m.start >= grouped.start && m.end <= grouped.end).map((m) => [think.slice(m.start, m.end), m.person]);
    expect(inGrouped).toEqual([['Person 1', 1], ['3', 3]]);
    expect(d.noun).toBe('Person');
  });

  it('carries the noun the reasoning names candidates with, for visualize and for any reasoning shown', () => {
    const helmets: Sample = { ...sample, annotation: { ...sample.annotation, gtBoxes: Array.from({ length: 6 }, (_, i) => [i * 10, 0, 8, 8]), regionMap: HELMET_REGION_MAP, think: HELMET_TRACE } };
    const cot = parseChainOfThought(HELMET_TRACE, 6, HELMET_REGION_MAP);
    const record = buildSampleRecord(helmets, cot, { width: 100, height: 50, format: 'jpeg' }, [], '/out/main_000042.png');
    expect(viewerExtras(helmets, cot, record).detail.noun).toBe('Helmet');
    // An eval entry shows the model's reasoning through the same builder.
    const view = { image: { width: 100, height: 50 }, candidates: [], regionMap: [{ expression: HELMET_EXPRESSION, targets: [2] }] };
    const facts = { name: 'eval_000001_M', split: 'main', index: 1, picture: { file: 'eval_000001_M.png' }, expressions: [HELMET_EXPRESSION], candidates: 6, verdictCounts: { '✅': 1, '❌': 5, '⚠️': 0, none: 0 }, consistent: true, rejection: false, warnings: [], view };
    expect(buildViewerEntry({ ...facts, reasoning: { text: HELMET_TRACE, cot } }).detail!.noun).toBe('Helmet');
    expect(buildViewerEntry(facts).detail!.noun).toBe('Person');
  });

  it('a custom GRPO row: the "no reasoning" kind, not a rejection, its ans in the answer colour (dashed over the photo when no hint equals it)', () => {
    const entryOf = (ans: number[], targets: number[]) => {
      const row: Sample = { ...sample, annotation: { ...sample.annotation, think: '', regionMap: { 'the man': targets }, extra: { source: CUSTOM_GRPO_SOURCE, ans } } };
      const cot = parseAnnotationCot(row.annotation);
      const record = buildSampleRecord(row, cot, { width: 100, height: 50, format: 'jpeg' }, [], '/out/rows_000042.png');
      expect(record).toMatchObject({ consistent: true, rejection: false, noReasoning: true });
      return viewerEntry({ status: 'rendered', position: 0, record, file: 'rows_000042.png', verdictCounts: countVerdicts(cot.verdicts), viewer: viewerExtras(row, cot, record) }, () => 'unused');
    };
    const hint = entryOf([30, 2, 40, 22], [1]);
    expect(hint).toMatchObject({ kinds: ['no reasoning'], consistent: true, rejection: false });
    expect(hint.detail!.candidates.map((c) => c.color)).toEqual([undefined, ANSWER_COLOR, undefined]);
    expect(hint.detail!.predicted).toBeUndefined();
    const none = entryOf([29, 2, 40, 22], []);
    expect(none).toMatchObject({ kinds: ['no reasoning'], rejection: false });
    expect(none.detail!.predicted).toEqual([{ box: [29, 2, 40, 22], label: 'ans', color: ANSWER_COLOR }]);
    // A HumanRef-CoT sample has no such kind.
    const cot = parseChainOfThought(think, 3, sample.annotation.regionMap);
    const record = buildSampleRecord(sample, cot, { width: 100, height: 50, format: 'jpeg' }, [], '/out/main_000042.png');
    expect(record.noReasoning).toBeUndefined();
    expect(viewerEntry({ status: 'rendered', position: 0, record, file: 'main_000042.png', verdictCounts: countVerdicts(cot.verdicts) }, () => 'unused').kinds).toBeUndefined();
  });

  it('names a failed sample like its picture would have been named', () => {
    const entry = viewerEntry({ status: 'failed', position: 0, split: 'main', index: 7, annOffset: 1, imgOffset: null, error: 'bad <json>', errorCode: 'invalid-json' }, (split, index) => `${split}_${String(index).padStart(6, '0')}.png`);
    expect(entry).toMatchObject({ name: 'main_000007', status: 'failed', error: 'bad <json>', candidates: 0 });
    expect(entry.file).toBeUndefined();
  });
});
