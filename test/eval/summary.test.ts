// An eval's stderr summary: the counts, then what upstream passes over in silence, per model and for the ground truth.
import { describe, expect, it } from 'vitest';
import { readGroundTruth } from '../../src/eval/read-gt.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { formatEvalSummary } from '../../src/eval/summary.js';
import { tallyEvaluation } from '../../src/eval/tally.js';
import { gtLine, jsonlFolder } from './jsonl-files.js';

const files = jsonlFolder();
const pred = (id: string) => JSON.stringify({ id, extracted_predictions: [[0, 0, 10, 10]] });

describe('formatEvalSummary', () => {
  it('counts samples, models, bad lines and pictures, and says nothing more when all is as upstream expects', async () => {
    const truth = await readGroundTruth(await files.file('gt-ok.jsonl', [gtLine('a'), gtLine('r', { domain: 'rejection', answer_boxes: [] })]));
    const p = await readPredictions(await files.file('p-ok.jsonl', [pred('a'), pred('r')]));
    const ev = tallyEvaluation(truth.samples, [{ name: 'A', byKey: p.byKey }]);
    expect(formatEvalSummary({ ev, names: ['A'], truth, preds: [p], skipped: 0, drawn: 1, failed: 0, outputDir: 'vis-eval' })).toBe(
      '2 samples (1 rejection), 1 model; 0 bad lines skipped; 1 picture drawn -> vis-eval\n',
    );
  });

  it('lists unknown ids, repeated ids and samples without a prediction per model, and ids the ground truth repeats', async () => {
    const truth = await readGroundTruth(await files.file('gt.jsonl', [gtLine('a'), gtLine('b'), gtLine('a'), gtLine('c')]));
    const p = await readPredictions(await files.file('p.jsonl', [pred('a'), pred('x'), pred('a'), pred('y\nz')]));
    const ev = tallyEvaluation(truth.samples, [{ name: 'M', byKey: p.byKey }]);
    const text = formatEvalSummary({ ev, names: ['M'], truth, preds: [p], skipped: 2, drawn: 3, failed: 1, outputDir: 'out' });
    expect(text.split('\n')).toEqual([
      '4 samples (0 rejection), 1 model; 2 bad lines skipped; 3 pictures drawn, 1 failed -> out',
      '  M: 2 prediction ids not in the ground truth (ignored): x, y\\nz',
      '  M: 1 id on more than one line (the last line counts, as upstream): a (lines 1, 3)',
      '  M: 2 samples without a prediction line (scored as no box, as upstream)',
      '  the ground truth repeats 1 id (each line is scored): a',
      '',
    ]);
  });
});
