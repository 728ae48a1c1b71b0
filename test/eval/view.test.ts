// What an eval picture says about the reasoning, as data: header lines, notes, the candidate noun.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/parse.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { imageSizeReader, scaleRawPredictions } from '../../src/eval/raw-scale.js';
import { readGroundTruth } from '../../src/eval/read-gt.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { sampleView } from '../../src/eval/view.js';
import { FIXTURES_DIR } from '../fixtures/cases.js';
import { CANDIDATES, gtSample, response, think } from './_reasoning-cases.js';

const EVAL_DIR = path.join(FIXTURES_DIR, 'eval');

describe('sampleView of the reasoning model', async () => {
  const gt = await readGroundTruth(path.join(EVAL_DIR, 'annotations.jsonl'));
  const read = await readPredictions(path.join(EVAL_DIR, 'pred_reasoning.jsonl'));
  const pred = await scaleRawPredictions(read, gt.samples, imageSizeReader({ kind: 'jsonl', imagesDir: path.join(EVAL_DIR, 'images') }));
  const ev = evaluate(gt.samples, [{ name: 'R', byKey: pred.byKey }]);
  const view = (id: string) => {
    const s = ev.samples.find((x) => x.gt.id === id)!;
    return sampleView(s.gt, 'R', s.models[0], parseChainOfThought);
  };

  it('says in words which persons the reasoning and the answer chose', () => {
    expect(view('attr-002').headerLines).toEqual(['unfaithful: the reasoning chose Person 2, the answer chose Person 4']);
    expect(view('attr-001').headerLines).toEqual([]);
    expect(view('inter-002').headerLines).toEqual(['hallucinated: Person 9 (the hint has 5 candidates)']);
  });

  it('notes a box eval.py took from the reasoning, a raw-only line and a format the reward gives 0', () => {
    expect(view('reas-001').notes).toContain("eval.py's regex took box #1 from outside <answer> (the reasoning): every [x0, y0, x1, y1] in the response is scored as a predicted box");
    expect(view('pos-001').notes).toContain("no extracted_predictions: the boxes are read from raw_response as eval.py reads them and scaled from the model's input size (smart_resize)");
    expect(view('celeb-001').notes).toContain("response: upstream's format reward would give this response 0: text before <think>");
  });

  it('shows the spaced-tag reasoning and the bare-json answer as code, no json line', () => {
    const v = view('pos-001');
    expect(v.response.think.startsWith('OK, the user needs us to detect the person on the far left.')).toBe(true);
    expect(v.response.answer!.startsWith('[{"bbox_2d": [')).toBe(true);
  });
});

describe('sampleView with Helmet N', () => {
  it('names candidates with the reasoning’s noun', () => {
    const six = [...CANDIDATES, [80, 0, 90, 10], [100, 0, 110, 10]] as typeof CANDIDATES;
    const raw = response(think(['❌', '✅', '❌', '❌', '❌', '❌'], { noun: 'Helmet' }), [six[1]]);
    const g = gtSample({ candidates: six, answers: [six[1]] });
    const result = { hasPrediction: true, boxes: [six[1]], rawResponse: raw, rejected: null, recall_50: 1, precision_50: 1, density_f1_50: 1, density_f1_mean: 1, matches: [{ gt: 0, pred: 0, iou: 1 }], score: 1, wrong: false };
    const v = sampleView(g, 'M', result, parseChainOfThought);
    expect(v.candidateNoun).toBe('Helmet');
    expect(v.persons.map((j) => j.verdict)).toEqual(['❌', '✅', '❌', '❌', '❌', '❌']);
    expect(v.reasoning).toMatchObject({ faithful: true, reasoningChose: [2] });
  });
});
