// `eval --gt` on upstream's custom GRPO JSONL (toy_dataset/anno_with_candidates.json): the `ans` box is the target,
// rows are matched by position, the metrics computed by hand below, and the same run through the dataset options.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, listFiles, tempDirForFile } from './cli.js';
import { TOY_ROWS, writeToyFixture } from '../sources/toy-fixture.js';

const tmp = tempDirForFile('eval-grpo');
const [ans0, ans1] = TOY_ROWS.map((r) => r.ans);
// A fourth row on the laptop photo, its ans exactly the third hint; then two broken rows.
const FOURTH = JSON.stringify({ image_name: TOY_ROWS[0].image_name, ans: TOY_ROWS[0].candidates[2], category: 'person', referring: 'the woman on the left', candidate_boxes: TOY_ROWS[0].candidates.map((bbox) => ({ bbox, category: 'person' })) });
const NO_ANS = JSON.stringify({ image_name: TOY_ROWS[0].image_name, referring: 'nobody', candidate_boxes: [] });
const ANSWER = (box: number[]) => `<think>Person 3 ✅</think><answer>\`\`\`json\n[{"bbox_2d": [${box.map(Math.round).join(', ')}], "label": "woman"}]\n\`\`\`</answer>`;

/**
 * Row 0: exactly ans. Row 1: ans and a box far from it. Row 2: ans's full width and 72% of its height (IoU 0.72
 * with ans; 0.688 with the hint nearest to ans, so scoring against that hint would give other numbers). Row 3: no
 * line. Index 9: no such row.
 */
const PREDICTIONS = [
  { index: 0, extracted_predictions: [ans0], raw_response: ANSWER(ans0) },
  { split: 'anno_with_candidates', index: 1, extracted_predictions: [ans1, [0, 0, 10, 10]] },
  { index: 2, extracted_predictions: [[93.82, 45.79, 442.27, 211.21]] },
  { index: 9, extracted_predictions: [] },
];

let anno: string;
let images: string;
let pred: string;
beforeAll(async () => {
  ({ anno, images } = await writeToyFixture(tmp.dir, [FOURTH, NO_ANS, 'not json']));
  pred = join(tmp.dir, 'pred.jsonl');
  await writeFile(pred, PREDICTIONS.map((p) => JSON.stringify(p)).join('\n') + '\n');
});

const records = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));

describe('eval on a custom GRPO JSONL', () => {
  it('scores the ans boxes with upstream\'s metric: the numbers worked out by hand', async () => {
    const r = await cliInProcess(['eval', '--gt', anno, '--pred', pred, '--names', 'M', '--output_dir', 'metrics', '--no-pictures'], { cwd: tmp.dir });
    const doc = JSON.parse(await readFile(join(tmp.dir, 'metrics', 'metrics.json'), 'utf8'));
    const m = doc.models.M;
    // Per row at IoU 0.5: recall 1, 1, 1, 0; precision 1, 1/2, 1, 0; DensityF1 1, 2/3 x min(1, 1/2) = 1/3, 1, 0.
    expect(m.overall.count).toBe(4);
    expect(m.overall.recall_50).toBeCloseTo(3 / 4, 12);
    expect(m.overall.precision_50).toBeCloseTo(2.5 / 4, 12);
    expect(m.overall.density_f1_50).toBeCloseTo((1 + 1 / 3 + 1) / 4, 12);
    // Over the ten thresholds row 2 (IoU 0.72) matches at 0.50 ... 0.70 only: 5 of 10.
    expect(m.overall.recall_mean).toBeCloseTo((1 + 1 + 0.5) / 4, 12);
    expect(m.overall.precision_mean).toBeCloseTo((1 + 0.5 + 0.5) / 4, 12);
    expect(m.overall.density_f1_mean).toBeCloseTo((1 + 1 / 3 + 0.5) / 4, 12);
    expect(Object.keys(m.domains)).toEqual(['custom-grpo']);
    expect(m.domains['custom-grpo'].subdomains.person.count).toBe(4);
    expect(m.box_count['1'].count).toBe(4);
    expect(m.rejection).toEqual({ correct: 0, total: 0 });
    expect(doc.predictions.M).toMatchObject({ lines_used: 4, ids_not_in_ground_truth: 1, samples_without_prediction: 1, bad_lines: 0 });
    expect(doc.ground_truth).toMatchObject({ samples: 4, bad_lines: 2 });
    const lines = records(await readFile(join(tmp.dir, 'metrics', 'samples.jsonl'), 'utf8'));
    expect(lines.map((l) => l.id)).toEqual([0, 1, 2, 3].map((i) => `anno_with_candidates_${i}`));
    expect(lines[2]).toMatchObject({ image_name: TOY_ROWS[2].image_name, candidates: 3, gt_boxes: 1, domain: 'custom-grpo', sub_domain: 'person' });
    // Matched against ans (IoU 0.72), not against the hint nearest to it (0.688).
    expect(lines[2].models.M.matches).toEqual([{ gt: 0, pred: 0, iou: expect.closeTo(0.72, 12) }]);
    // Bad rows: file, line, sample and byte offset, and what to do; the run goes on and exits 1.
    const text = await readFile(anno, 'utf8');
    const offset = (line: number) => Buffer.byteLength(text.split('\n').slice(0, line - 1).join('\n')) + 1;
    expect(r.stderr).toContain(`${anno}, line 5: sample 4, byte offset ${offset(5)}: "ans" must be a box [x0, y0, x1, y1] of 4 numbers. Fix this row`);
    expect(r.stderr).toContain(`${anno}, line 6: sample 5, byte offset ${offset(6)}: the line is not JSON`);
    expect(r.stderr).toMatch(/4 samples \(0 rejection\), 1 model; 2 bad lines skipped/);
    expect(r.stderr).toMatch(/M: 1 prediction id not in the ground truth \(ignored\): anno_with_candidates:9$/m);
    expect(r.code).toBe(1);
  });

  it('draws every row from the images folder beside it, as for HumanRef (hints as Person N, ans as the target)', async () => {
    // No --images: the images/ folder beside the file, as upstream's toy_dataset keeps it.
    const r = await cliInProcess(['eval', '--gt', anno, '--pred', pred, '--names', 'M', '--output_dir', 'pictures', '--num_vis', 'all'], { cwd: tmp.dir });
    expect(r.stderr).toMatch(/4 pictures drawn/);
    const files = await listFiles(join(tmp.dir, 'pictures'));
    expect(files.filter((f) => f.endsWith('.png'))).toEqual([0, 1, 2, 3].map((i) => `eval_anno_with_candidates_${i}_M.png`));
    expect(files).toContain('index.html');
  });

  it('gives the same metrics through --ann-tsv and --img-tsv, as visualize and validate read it', async () => {
    await cliInProcess(['eval', '--ann-tsv', anno, '--img-tsv', images, '--pred', pred, '--names', 'M', '--output_dir', 'via-dataset', '--no-pictures'], { cwd: tmp.dir });
    const viaGt = JSON.parse(await readFile(join(tmp.dir, 'metrics', 'metrics.json'), 'utf8'));
    const viaDataset = JSON.parse(await readFile(join(tmp.dir, 'via-dataset', 'metrics.json'), 'utf8'));
    expect(viaDataset.models).toEqual(viaGt.models);
  });
});
