// Eval pictures: who agrees with the truth, which boxes hit, miss or raise a false alarm, checked as data and as pixels.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/parse.js';
import { evaluate, type Evaluation } from '../../src/eval/evaluate.js';
import { agreementOf, judgeBoxes, judgePersons, nearestCandidate, targetPersons } from '../../src/eval/judge.js';
import { evalComposition, renderEvalPicture, type EvalPictureInput } from '../../src/eval/picture.js';
import { evalParagraphs, OUTCOME_COLORS } from '../../src/eval/picture-text.js';
import { readGroundTruth } from '../../src/eval/read-gt.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { sampleView } from '../../src/eval/view.js';
import { candidateColor, parseHex } from '../../src/render/colors.js';
import { panelScale } from '../../src/render/decode.js';
import { findOverlay, layoutPicture, MAX_COLUMNS, panelMetrics } from '../../src/render/layout.js';
import { mono } from '../render/_helpers.js';
import { FIXTURES_DIR } from '../fixtures/cases.js';

const EVAL_DIR = path.join(FIXTURES_DIR, 'eval');

describe('judge', () => {
  it('agreement: ✅ on a target or ❌/⚠️ on anyone else agrees; no mark is unknown', () => {
    expect(agreementOf('✅', true)).toBe('agree');
    expect(agreementOf('❌', false)).toBe('agree');
    expect(agreementOf('⚠️', false)).toBe('agree');
    expect(agreementOf('⚠️', true)).toBe('disagree');
    expect(agreementOf('✅', false)).toBe('disagree');
    expect(agreementOf(null, true)).toBe('unknown');
  });

  it('maps boxes to candidates by IoU >= 0.5, the first on a tie', () => {
    const c: [number, number, number, number][] = [[0, 0, 10, 10], [0, 0, 10, 10], [20, 0, 30, 10]];
    expect(nearestCandidate([0, 0, 10, 10], c)).toBe(1);
    expect(nearestCandidate([21, 0, 31, 10], c)).toBe(3);
    expect(nearestCandidate([50, 50, 60, 60], c)).toBeNull();
    expect(targetPersons([[20, 0, 30, 10], [0, 0, 10, 10], [20, 0, 30, 10]], c)).toEqual([1, 3]);
  });

  it('compares with the dataset reasoning person by person', () => {
    const persons = judgePersons(3, [2], ['❌', '✅', null], ['❌', '✅', '❌']);
    expect(persons.map((p) => [p.agreement, p.datasetVerdict])).toEqual([['agree', '❌'], ['agree', '✅'], ['unknown', '❌']]);
  });

  it('splits the matches into hits, misses and false alarms', () => {
    const gt: [number, number, number, number][] = [[0, 0, 10, 10], [20, 0, 30, 10]];
    const r = judgeBoxes(gt, [[0, 0, 10, 9], [50, 0, 60, 10]], [{ gt: 0, pred: 0, iou: 0.9 }], gt);
    expect(r.predicted.map((b) => [b.outcome, b.iou, b.person])).toEqual([['hit', 0.9, 1], ['false-alarm', 0, null]]);
    expect(r.gt.map((g) => g.outcome)).toEqual(['hit', 'missed']);
    expect(judgeBoxes(gt, [[]], [], gt).predicted).toEqual([]);
  });
});

describe('eval pictures on fixtures/eval', () => {
  let ev: Evaluation;
  beforeAll(async () => {
    const gt = await readGroundTruth(path.join(EVAL_DIR, 'annotations.jsonl'));
    const a = await readPredictions(path.join(EVAL_DIR, 'pred_model_a.jsonl'));
    const b = await readPredictions(path.join(EVAL_DIR, 'pred_model_b.jsonl'));
    ev = evaluate(gt.samples, [{ name: 'A', byKey: a.byKey }, { name: 'B', byKey: b.byKey }]);
  });

  const view = (id: string, model: number) => {
    const s = ev.samples.find((x) => x.gt.id === id)!;
    return sampleView(s.gt, ['A', 'B'][model], s.models[model], parseChainOfThought);
  };

  /** Pixels of the image panel (left part of the picture) with exactly this colour. */
  async function countInImagePanel(id: string, model: number, colors: string[]): Promise<number[]> {
    const v = view(id, model);
    const file = path.join(EVAL_DIR, 'images', v.gt.imageName!);
    const image = await readFile(file);
    const meta = await sharp(image).metadata();
    const W = Math.round(meta.width! * panelScale(meta.width!, meta.height!, 2048));
    const H = Math.round(meta.height! * panelScale(meta.width!, meta.height!, 2048));
    const out = await renderEvalPicture({ ...v, image, imageFormat: 'jpeg', imageFile: file });
    const { data, info } = await sharp(out.data).raw().toBuffer({ resolveWithObject: true });
    return colors.map((c) => {
      const [r, g, b] = parseHex(c);
      let n = 0;
      for (let y = 0; y < H; y++) {
        for (let x = 0; x < W; x++) {
          const i = (y * info.width + x) * info.channels;
          if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
        }
      }
      return n;
    });
  }

  const { hit, missed } = OUTCOME_COLORS;
  const alarm = OUTCOME_COLORS['false-alarm'];

  it('pos-002, model A: every target hit and one false alarm (a tie)', async () => {
    const [h, m, a] = await countInImagePanel('pos-002', 0, [hit, missed, alarm]);
    expect(h).toBeGreaterThan(200);
    expect(a).toBeGreaterThan(100);
    expect(m).toBe(0);
  });

  it('attr-003, model A (no prediction line): the target is drawn as missed, no model box', async () => {
    const [h, m, a] = await countInImagePanel('attr-003', 0, [hit, missed, alarm]);
    expect(m).toBeGreaterThan(100);
    expect(h + a).toBe(0);
  });

  it('attr-001, model B: Person 5 (a target it did not mark ✅) in red, the persons it got right in green', async () => {
    const [red5, green2, green1] = await countInImagePanel('attr-001', 1, [candidateColor(5, '❌'), candidateColor(2, '✅'), candidateColor(1, '✅')]);
    expect(red5).toBeGreaterThan(100);
    expect(green2).toBeGreaterThan(100);
    expect(green1).toBeGreaterThan(100);
  });

  it('sets only the outcome in bold, not the bracket that closes the person before it', () => {
    const bold = (id: string, model: number) => evalParagraphs(view(id, model), 16).flatMap((p) => p.pieces.filter((x) => x.bold).map((x) => x.text));
    expect(bold('attr-001', 1)).toContain('missed');
    expect(bold('attr-002', 0)).toContain('false alarm');
    for (const text of [...bold('attr-001', 1), ...bold('attr-002', 0)]) expect(text).not.toMatch(/^\)/);
  });

  it("notes an answer eval.py could not read, and none for a rejection answer or a missing line", () => {
    expect(view('attr-003', 1).notes).toContain('the answer is not a rejection, yet extracted_predictions holds no box (eval.py could not read one from it)');
    expect(view('rej-002', 1).notes).toEqual([]);
    expect(view('attr-003', 0).notes).toEqual([]);
  });

  it('the text says the score, the boxes, the disagreements, and has the reasoning without region_map', () => {
    const text = evalParagraphs(view('attr-001', 1), 16).map((p) => p.pieces.map((x) => x.text).join('')).join('\n');
    expect(text).toContain('IoU 0.5: 2 of 3 target boxes hit, 0 false alarms');
    expect(text).toContain('target 3 (Person\u00A05): missed');
    expect(text).toContain('disagree: Person\u00A05 (❌, a target)');
    expect(text).toContain('Person\u00A05: wearing a red shirt and black trousers. → ⚠️');
    expect(text).not.toContain('region_map');
  });

  /** The picture's input as eval's drawing builds it, with the view changed by `change`. */
  async function input(id: string, model: number, change: Partial<EvalPictureInput> = {}): Promise<EvalPictureInput> {
    const v = view(id, model);
    const file = path.join(EVAL_DIR, 'images', v.gt.imageName!);
    return { ...v, image: await readFile(file), imageFormat: 'jpeg', imageFile: file, ...change };
  }
  const image = { width: 600, height: 400, sourceWidth: 480, sourceHeight: 320, scale: 1.25 };
  const panelText = (i: EvalPictureInput) => layoutPicture(evalComposition(i), image, mono).flow.lines.map((l) => l.line.runs.map((r) => r.text).join('')).join('\n');

  it('stacks candidates, the model\'s dashed boxes, the labels, then the tags', async () => {
    const layout = layoutPicture(evalComposition(await input('attr-001', 1)), image, mono);
    expect(layout.overlays.map((o) => o.kind)).toEqual(['candidates', 'model-boxes', 'labels', 'model-tags']);
    expect(findOverlay(layout, 'model-tags')!.tags.map((t) => t.text)).toEqual(['#1 IoU 0.994', '#2 IoU 0.989', 'missed']);
  });

  it('names the candidates with the noun it is given, in the labels and the text; `Person` by default', async () => {
    const helmets = await input('attr-001', 1, { candidateNoun: 'Helmet' });
    const layout = layoutPicture(evalComposition(helmets), image, mono);
    expect(findOverlay(layout, 'labels')!.labels.map((l) => l.text)).toEqual(['Helmet 1', 'Helmet 2', 'Helmet 3', 'Helmet 4', 'Helmet 5']);
    expect(panelText(helmets)).toContain('target 3 (Helmet\u00A05): missed');
    expect(panelText(helmets)).not.toContain('Person\u00A05 (');
    expect(panelText(await input('attr-001', 1))).toContain('target 3 (Person\u00A05): missed');
  });

  it('shows the reasoning checks in words under the verdict line', async () => {
    const line = 'unfaithful: reasoning chose Person 2, answer chose Person 5';
    const text = evalParagraphs(await input('attr-001', 1, { headerLines: [line] }), 16).map((p) => p.pieces.map((x) => x.text).join(''));
    const score = text.findIndex((l) => l.includes('IoU 0.5: 2 of 3 target boxes hit'));
    // Under the score come the box lines and the verdict line, then the reasoning checks in words, marked ⚠️.
    expect(text[score + 1]).toMatch(/^■ target 1/);
    const at = text.indexOf(`⚠️ ${line}`);
    expect(at).toBeGreaterThan(text.findIndex((l) => l.startsWith('final verdicts vs ground truth')));
    expect(evalParagraphs(await input('attr-001', 1), 16).map((p) => p.pieces.map((x) => x.text).join(''))).toEqual(text.filter((l) => l !== `⚠️ ${line}`));
  });

  it('draws the answer as code: the fence and language line dropped, the JSON in the code font', async () => {
    const answer = (v: EvalPictureInput) => {
      const ps = evalParagraphs(v, 16);
      return ps.slice(ps.findIndex((p) => p.pieces[0]?.text === 'ANSWER') + 1);
    };
    const asCode = answer(await input('attr-001', 1));
    expect(asCode.map((p) => p.mono)).toEqual([true, true, true, true]);
    expect(asCode[0].pieces[0].text).toBe('[');
    expect(asCode.some((p) => /^```|^json$/.test(p.pieces[0].text))).toBe(false);
  });

  it('caps the text at MAX_COLUMNS columns, like visualize: a long answer makes the columns taller, not the picture wider', async () => {
    const answer = Array.from({ length: 700 }, (_, i) => `{"bbox_2d": [${i}, 2, 3, 4]}`).join('\n');
    const v = await input('attr-001', 1);
    const out = await renderEvalPicture({ ...v, response: { ...v.response, answer } });
    const m = panelMetrics(600, 400);
    expect(out.width).toBeLessThanOrEqual(600 + 2 * m.pad + MAX_COLUMNS * m.columnWidth + (MAX_COLUMNS - 1) * m.gutter);
    expect(out.height).toBeGreaterThan(m.maxColumnHeight);
  });
});

