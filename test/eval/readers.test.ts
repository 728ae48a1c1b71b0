// The ground-truth and prediction readers: every bad line is one message with file and line, and never stops the read.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { readGroundTruth } from '../../src/eval/read-gt.js';
import { readPredictions, toPredictedBoxes } from '../../src/eval/read-pred.js';
import { parseRawResponse } from '../../src/eval/response.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-eval-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const gtLine = (id: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, image_name: `${id}.jpg`, referring: 'the man', candidate_boxes: [[0, 0, 10, 10], [20, 0, 30, 10]], answer_boxes: [[0, 0, 10, 10]], domain: 'attribute', sub_domain: 'color', ...extra });

async function file(name: string, lines: string[], eol = '\n'): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, lines.join(eol) + eol);
  return p;
}

describe('readGroundTruth', () => {
  it('keeps good lines, reports each bad one with file, line and what to do, and goes on', async () => {
    const p = await file('gt.jsonl', [
      '\uFEFF' + gtLine('a'),
      '{"id": "b", oops',
      '[1, 2]',
      '',
      gtLine('c', { candidate_boxes: [[0, 0, 10]] }),
      gtLine('d', { answer_boxes: [] }),
      gtLine(null),
      gtLine('e', { domain: 'rejection', answer_boxes: [] }),
      gtLine(7),
      gtLine('a'),
    ]);
    const r = await readGroundTruth(p);
    expect(r.samples.map((s) => s.id)).toEqual(['a', 'e', 7, 'a']);
    expect(r.samples.map((s) => s.position)).toEqual([0, 1, 2, 3]);
    expect(r.samples.map((s) => s.line)).toEqual([1, 8, 9, 10]);
    expect(r.problems.map((x) => x.line)).toEqual([2, 3, 5, 6, 7]);
    for (const x of r.problems) expect(x.message.startsWith(`${p}, line ${x.line}: `)).toBe(true);
    expect(r.problems[0].message).toMatch(/not valid JSON.*Fix or delete this line/);
    expect(r.problems[2].message).toMatch(/"candidate_boxes" entry 0 is not a box/);
    expect(r.problems[3].message).toMatch(/"answer_boxes" is empty but the domain is "attribute"/);
    expect(r.problems[4].message).toMatch(/"id" is missing/);
    expect(r.duplicateIds).toEqual(['a']);
  });

  it('reads CRLF files', async () => {
    const r = await readGroundTruth(await file('crlf.jsonl', [gtLine('x'), gtLine('y')], '\r\n'));
    expect(r.samples.map((s) => s.id)).toEqual(['x', 'y']);
    expect(r.problems).toEqual([]);
  });

  it('a missing file is one DataError naming it', async () => {
    const missing = path.join(dir, 'nope.jsonl');
    await expect(readGroundTruth(missing)).rejects.toBeInstanceOf(DataError);
    await expect(readGroundTruth(missing)).rejects.toThrow(/nope\.jsonl: cannot read the ground-truth annotations\.jsonl \(no such file\)/);
  });
});

describe('toPredictedBoxes', () => {
  it('accepts [], [[]] and boxes; refuses other shapes', () => {
    expect(toPredictedBoxes([])).toEqual([]);
    expect(toPredictedBoxes([[]])).toEqual([[]]);
    expect(toPredictedBoxes([[1, 2, 3, 4]])).toEqual([[1, 2, 3, 4]]);
    expect(toPredictedBoxes(null)).toBe('is not a list');
    expect(toPredictedBoxes([[], [1, 2, 3, 4]])).toMatch(/entry 0 .*only understood as the single entry \[\[\]\]/);
    expect(toPredictedBoxes([[1, 2]])).toMatch(/entry 0 is not a box/);
    expect(toPredictedBoxes([[1, 2, '3', 4]])).toMatch(/entry 0 is not a box/);
  });
});

describe('readPredictions and evaluate', () => {
  it('skips bad lines, keeps the last of duplicate ids, reports ids the ground truth lacks, and scores missing ones as []', async () => {
    const gt = await readGroundTruth(await file('gt2.jsonl', [gtLine('a'), gtLine('b'), gtLine('c')]));
    const p = await file('pred.jsonl', [
      JSON.stringify({ id: 'a', extracted_predictions: [[50, 50, 60, 60]], raw_response: 'first' }),
      JSON.stringify({ id: 'b', extracted_predictions: 'nope' }),
      'not json',
      JSON.stringify({ id: 'zzz', extracted_predictions: [] }),
      JSON.stringify({ id: 'a', extracted_predictions: [[0, 0, 10, 10]], raw_response: 'second' }),
      JSON.stringify({ id: 'c', extracted_predictions: [[0, 0, 10, 10]], raw_response: 42 }),
    ]);
    const pred = await readPredictions(p);
    expect(pred.problems.map((x) => x.line)).toEqual([2, 3, 6]);
    expect(pred.problems[0].message).toMatch(/line 2: "extracted_predictions" is not a list\. .*counts as having no prediction/);
    expect(pred.duplicates).toEqual([{ id: 'a', lines: [1, 5] }]);
    expect(pred.byKey.get('s:a')!.rawResponse).toBe('second');

    const ev = evaluate(gt.samples, [{ name: 'A', byKey: pred.byKey }]);
    expect(ev.unknownIds).toEqual([['zzz']]);
    const [a, b] = ev.samples.map((s) => s.models[0]);
    expect(a).toMatchObject({ hasPrediction: true, recall_50: 1, precision_50: 1, wrong: false, matches: [{ gt: 0, pred: 0, iou: 1 }] });
    // b's only line was bad: no prediction, every number 0, as upstream scores a missing id
    expect(b).toMatchObject({ hasPrediction: false, recall_50: 0, precision_50: 0, density_f1_mean: 0, wrong: true, score: 0 });
    expect(ev.metrics[0].metrics.overall).toMatchObject({ recall_50: 1 / 3, count: 3 });
  });

  it('keys by index (and split) for HumanRef-CoT ground truth', async () => {
    const p = await file('pred-index.jsonl', [
      JSON.stringify({ index: 3, split: 'main', extracted_predictions: [] }),
      JSON.stringify({ index: 4, extracted_predictions: [] }),
      JSON.stringify({ id: 'x', extracted_predictions: [] }),
    ]);
    const r = await readPredictions(p, 'index');
    expect([...r.byKey.keys()]).toEqual(['i:main:3', 'i::4']);
    expect(r.problems[0].message).toMatch(/line 3: "index" is missing/);
  });
});

describe('parseRawResponse', () => {
  it('splits <think> and <answer> and reads the answer JSON', () => {
    const r = parseRawResponse(
      '<think>Planning.\n# Step 1: look\n- Person 1: red → ✅</think><answer>```json\n[{"bbox_2d": [1, 2, 3, 4], "label": "man"}]\n```</answer>',
    );
    expect(r.think).toBe('Planning.\n# Step 1: look\n- Person 1: red → ✅');
    expect(r.answerBoxes).toEqual([{ bbox: [1, 2, 3, 4], label: 'man' }]);
    expect(r.saysNone).toBe(false);
    expect(r.notes).toEqual([]);
  });

  it('recognises a rejection answer and notes missing tags', () => {
    expect(parseRawResponse('<think>x</think><answer>None</answer>').saysNone).toBe(true);
    expect(parseRawResponse('<think>x</think><answer>There is no such thing in the image.</answer>').saysNone).toBe(true);
    const bare = parseRawResponse('just text');
    expect(bare.think).toBe('');
    expect(bare.answer).toBeNull();
    expect(bare.notes).toEqual(['no <think> tag', 'no <answer> tag']);
    expect(parseRawResponse('<think>unfinished').notes).toEqual(['<think> is not closed', 'no <answer> tag']);
  });
});
