// A custom GRPO JSONL as eval ground truth: the rows as sources/toy.ts reads them, ans as the one target, each bad
// row one message with file, line, sample and byte offset.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSplitKeys } from '../../src/eval/dataset-gt.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { GRPO_DOMAIN, readToyGroundTruth, type ToyGroundTruth } from '../../src/eval/toy-gt.js';
import { tempDirForFile } from '../cli.js';
import { TOY_ROWS, writeToyFixture } from '../sources/toy-fixture.js';

const tmp = tempDirForFile('toy-gt');
let anno: string;
let truth: ToyGroundTruth;
beforeAll(async () => {
  // A blank line and two broken rows between good ones: positions, lines and indices part ways.
  ({ anno } = await writeToyFixture(tmp.dir, ['', '{"image_name": "a.jpg", "ans": [1, 2, 3], "referring": "x", "candidate_boxes": []}', '{oops', JSON.stringify({ image_name: 'b.jpg', ans: [0, 0, 5, 5], referring: 'y', candidate_boxes: [{ bbox: [0, 0, 5, 5], category: 'car' }] })]));
  truth = await readToyGroundTruth(anno, null);
});

describe('readToyGroundTruth', () => {
  it('makes each row a sample: the hints as candidates, ans as the only answer box (not the hint nearest to it)', () => {
    expect(truth.split).toBe('anno_with_candidates');
    expect(truth.samples.map((s) => s.key)).toEqual(['i:anno_with_candidates:0', 'i:anno_with_candidates:1', 'i:anno_with_candidates:2', 'i:anno_with_candidates:5']);
    const s2 = truth.samples[2];
    expect(s2).toMatchObject({ position: 2, id: 'anno_with_candidates_2', line: 3, imageName: TOY_ROWS[2].image_name, referring: TOY_ROWS[2].referring, domain: GRPO_DOMAIN, subDomain: 'person' });
    expect(s2.candidates).toEqual(TOY_ROWS[2].candidates);
    expect(s2.answers).toEqual([TOY_ROWS[2].ans]);
    // Without a category the row takes its first hint's: the sub-domain, never the domain.
    expect(truth.samples[3]).toMatchObject({ position: 3, line: 7, domain: GRPO_DOMAIN, subDomain: 'car' });
  });

  it('reports each bad row with file, line, sample and byte offset, and keeps reading', async () => {
    const text = await readFile(anno, 'utf8');
    const start = (line: number) => Buffer.byteLength(text.split('\n').slice(0, line - 1).join('\n')) + 1;
    expect(truth.problems.map((p) => p.line)).toEqual([5, 6]);
    expect(truth.problems[0].message).toBe(
      `${anno}, line 5: sample 3, byte offset ${start(5)}: "ans" must be a box [x0, y0, x1, y1] of 4 numbers. Fix this row (upstream's custom GRPO format: image_name, ans, referring, category, candidate_boxes of {bbox, category}); it is skipped`,
    );
    expect(truth.problems[1].message).toMatch(new RegExp(`line 6: sample 4, byte offset ${start(6)}: the line is not JSON`));
  });

  it('matches predictions by "index", with or without "split"', async () => {
    const file = path.join(tmp.dir, 'pred.jsonl');
    await writeFile(file, ['{"index": 5, "extracted_predictions": []}', '{"split": "anno_with_candidates", "index": 0, "extracted_predictions": []}', '{"id": 1, "extracted_predictions": []}'].join('\n'));
    const pred = resolveSplitKeys(await readPredictions(file, 'index'), [truth.split]);
    expect([...pred.byKey.keys()]).toEqual(['i:anno_with_candidates:5', 'i:anno_with_candidates:0']);
    expect(pred.problems[0].message).toMatch(/line 3: "index" is missing/);
  });

  it('reads the first row of a file that starts with a UTF-8 BOM', async () => {
    const file = path.join(tmp.dir, 'bom.jsonl');
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(anno)]));
    const read = await readToyGroundTruth(file, null);
    expect(read.samples.map((s) => s.line)).toEqual(truth.samples.map((s) => s.line));
    expect(read.problems.map((p) => p.line)).toEqual([5, 6]);
  });
});
