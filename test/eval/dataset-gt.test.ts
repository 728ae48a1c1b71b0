// HumanRef-CoT TSVs as eval ground truth: targets from region_map, predictions keyed by split and index, and the
// model's reasoning compared with the dataset's person by person.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/parse.js';
import { resolveSplits } from '../../src/dataset/locate.js';
import { readDatasetGroundTruth, resolveSplitKeys } from '../../src/eval/dataset-gt.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { tallyEvaluation } from '../../src/eval/tally.js';
import { evalParagraphs } from '../../src/eval/picture-text.js';
import type { GtReadResult } from '../../src/eval/read-gt.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { formatEvalSummary } from '../../src/eval/summary.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { sampleView } from '../../src/eval/view.js';
import { closeAll, openAll } from '../../src/sources/open-splits.js';
import type { SampleSource } from '../../src/plumbing/seams.js';
import { cases, FIXTURES_DIR } from '../fixtures/cases.js';

let sources: SampleSource[];
let truth: GtReadResult;
beforeAll(async () => {
  sources = await openAll(resolveSplits({ dataDir: path.join(FIXTURES_DIR, 'sample'), split: 'all' }).splits, () => undefined);
  truth = await readDatasetGroundTruth(sources);
});
afterAll(async () => {
  await closeAll(sources);
});

describe('readDatasetGroundTruth', () => {
  it('reads every sample of every split: candidates as xyxy, targets from region_map, rejection without targets', () => {
    const main = cases.splits.main.samples;
    const rejection = cases.splits.rejection.samples;
    expect(truth.samples).toHaveLength(main.length + rejection.length);
    const s0 = truth.samples.find((s) => s.key === 'i:main:0')!;
    const [x, y, w, h] = main[0].gtBoxes[1];
    expect(s0.candidates[1]).toEqual([x, y, x + w, y + h]);
    expect(s0.answers).toEqual(main[0].targets.map((t) => s0.candidates[t - 1]));
    expect(s0).toMatchObject({ domain: 'humanref-cot', subDomain: 'main', id: 'main_0' });
    expect(truth.samples.filter((s) => s.domain === 'rejection').length).toBe([...main, ...rejection].filter((c) => c.targets.length === 0).length);
  });

  it('gives index-only predictions to the one split read, and reports them when there are several', async () => {
    const file = path.join(FIXTURES_DIR, 'eval', 'pred_cot_main.jsonl');
    const pred = await readPredictions(file, 'index');
    expect([...pred.byKey.keys()][0]).toBe('i:main:0');
    const bare = { ...pred, byKey: new Map([...pred.byKey].map(([, p]) => [`i::${p.id}`, { ...p, key: `i::${p.id}` }])) };
    expect([...resolveSplitKeys(bare, ['main']).byKey.keys()][0]).toBe('i:main:0');
    const two = resolveSplitKeys(bare, ['main', 'rejection']);
    expect(two.byKey.size).toBe(0);
    expect(two.problems[0].message).toMatch(/has an "index" but no "split", and the ground truth has the splits main, rejection/);
  });

  it('names unknown predictions by split and index, and notes an index-only line and a split line for one sample as duplicates', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-split-keys-'));
    try {
      const file = path.join(dir, 'p.jsonl');
      const line = (fields: Record<string, unknown>) => JSON.stringify({ ...fields, extracted_predictions: [] });
      await writeFile(file, [line({ index: 0 }), line({ split: 'main', index: 0 }), line({ split: 'main', index: 99999 }), line({ index: 2 }), line({ split: 'other', index: 2 })].join('\n') + '\n');
      const pred = resolveSplitKeys(await readPredictions(file, 'index'), ['main']);
      expect(pred.duplicates).toEqual([{ id: 'main:0', lines: [1, 2] }]);
      expect(pred.byKey.get('i:main:0')?.line).toBe(2);
      const mainOnly = { ...truth, samples: truth.samples.filter((s) => s.subDomain === 'main') };
      const ev = tallyEvaluation(mainOnly.samples, [{ name: 'M', byKey: pred.byKey }]);
      expect(ev.unknownIds[0]).toEqual(['main:99999', 'other:2']);
      const summary = formatEvalSummary({ ev, names: ['M'], truth: mainOnly, preds: [pred], skipped: 0, drawn: 0, failed: 0, outputDir: 'o' });
      expect(summary).toContain('M: 2 prediction ids not in the ground truth (ignored): main:99999, other:2');
      expect(summary).toContain('M: 1 id on more than one line (the last line counts, as upstream): main:0 (lines 1, 2)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("names each person where the model's and the dataset's final marks differ", async () => {
    const pred = await readPredictions(path.join(FIXTURES_DIR, 'eval', 'pred_cot_main.jsonl'), 'index');
    const ev = evaluate(truth.samples, [{ name: 'M', byKey: pred.byKey }]);
    const text = (key: string) => {
      const s = ev.samples.find((x) => x.gt.key === key)!;
      return evalParagraphs(sampleView(s.gt, 'M', s.models[0], parseChainOfThought), 16).map((p) => p.pieces.map((x) => x.text).join('')).join('\n');
    };
    // main 1: the model adds Person 1 to the dataset's Person 3
    expect(text('i:main:1')).toContain('dataset reasoning differs on: Person\u00A01 (model ✅, dataset ❌)');
    // main 6: the same final marks
    expect(text('i:main:6')).toContain('dataset reasoning: the same final mark for every person');
  });
});
