// The text beside an eval picture, on fixtures/eval's two models: the header line, the score line of a scored and a
// rejection sample, the box lines, the verdict line, agreement colours and the footer's notes and legend.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/parse.js';
import { evaluate, type Evaluation } from '../../src/eval/evaluate.js';
import type { PersonJudgement } from '../../src/eval/judge.js';
import { agreementCot, agreementMark, evalFooter, evalParagraphs, personColor } from '../../src/eval/picture-text.js';
import { readGroundTruth } from '../../src/eval/read-gt.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { sampleView } from '../../src/eval/view.js';
import { candidateColor } from '../../src/render/colors.js';
import { fakeCot } from '../fakes.js';
import { FIXTURES_DIR } from '../fixtures/cases.js';

const EVAL_DIR = path.join(FIXTURES_DIR, 'eval');

let ev: Evaluation;
beforeAll(async () => {
  const gt = await readGroundTruth(path.join(EVAL_DIR, 'annotations.jsonl'));
  const models = await Promise.all(['a', 'b'].map((m) => readPredictions(path.join(EVAL_DIR, `pred_model_${m}.jsonl`))));
  ev = evaluate(gt.samples, models.map((p, i) => ({ name: ['A', 'B'][i], byKey: p.byKey })));
});

const view = (id: string, model: number) => {
  const s = ev.samples.find((x) => x.gt.id === id)!;
  return sampleView(s.gt, ['A', 'B'][model], s.models[model], parseChainOfThought);
};
/** The paragraphs as plain lines, no-break spaces as spaces. */
const lines = (id: string, model: number) => evalParagraphs(view(id, model), 16).map((p) => p.pieces.map((x) => x.text).join('').replace(/\u00A0/g, ' '));

describe('evalParagraphs', () => {
  it('opens with the expression, the sample line and the model band, then the score with its numbers', () => {
    const text = lines('attr-002', 0);
    expect(text[0]).toMatch(/^“.+”$/);
    expect(text[1]).toBe('id attr-002 · attribute / clothing · 5 candidates · ground truth: Person 2');
    expect(text[2]).toBe('MODEL A');
    expect(text[3]).toBe('✗ IoU 0.5: 1 of 1 target boxes hit, 2 false alarms · recall 1.000 · precision 0.333 · DensityF1 0.167 · DensityF1@0.5:0.95 0.167');
    expect(text[4]).toBe('■ target 1 (Person 2): hit by box #1, IoU 0.994');
    expect(text[5]).toBe('■ box #2 (Person 4): false alarm, best IoU with a target 0.052');
  });

  it('says a rejection was rejected, or how many boxes answered it, and names the person wrongly marked', () => {
    expect(lines('rej-002', 1).slice(1, 4)).toEqual(['id rej-002 · rejection / rejection · 3 candidates · ground truth: no target (rejection)', 'MODEL B', '✓ correctly rejected']);
    const wrong = lines('rej-002', 0);
    expect(wrong[3]).toBe('✗ answered with 1 box on a rejection sample');
    expect(wrong[5]).toBe('final verdicts vs ground truth: 2 agree · disagree: Person 2 (✅, not a target)');
  });

  it('says when there was no prediction line, and lists the persons with no final mark', () => {
    const text = lines('attr-003', 0);
    expect(text[3]).toMatch(/^no prediction line: scored as no box\. ✗ IoU 0.5: 0 of 1/);
    expect(text[4]).toBe('■ target 1 (Person 3): missed');
    expect(text[5]).toBe('final verdicts vs ground truth: 0 agree · no final mark: Person 1, Person 2, Person 3');
  });

  it('ends with the reasoning and answer bands, and names the candidates with the noun given', () => {
    const text = lines('attr-001', 1);
    expect(text.indexOf("MODEL'S REASONING")).toBeLessThan(text.indexOf('ANSWER'));
    const helmets = evalParagraphs({ ...view('attr-001', 1), candidateNoun: 'Helmet' }, 16).map((p) => p.pieces.map((x) => x.text).join('').replace(/\u00A0/g, ' '));
    expect(helmets[1]).toContain('ground truth: Helmet 2, Helmet 4, Helmet 5');
  });
});

describe('agreement colours', () => {
  const judgement = (agreement: PersonJudgement['agreement']): PersonJudgement => ({ person: 3, verdict: '✅', target: true, agreement });
  it('colours a person green when the verdict agrees with the truth, red when not, grey with no mark', () => {
    expect([agreementMark(judgement('agree')), agreementMark(judgement('disagree')), agreementMark(judgement('unknown'))]).toEqual(['✅', '❌', null]);
    expect(personColor(judgement('disagree'))).toBe(candidateColor(3, '❌'));
    const cot = agreementCot(fakeCot('t', 2, { a: [0] }), [judgement('disagree'), judgement('unknown')]);
    expect(cot.verdicts).toEqual(['❌', null]);
  });
});

describe('evalFooter', () => {
  const text = (notes: string[]) => evalFooter(view('attr-001', 0), notes, 'from here', 12).map((p) => p.pieces.map((x) => x.text).join(''));
  it('counts the notes, says when there are none, then the source and the legend', () => {
    expect(text([])).toEqual(['no parser warnings', 'from here', expect.stringContaining('double outline: ground-truth target'.replace(/ /g, '\u00A0'))]);
    const two = text(['one', 'two']);
    expect(two[0]).toBe('⚠️ 2 notes: one');
    expect(two[1].trim()).toBe('two');
    expect(text(['only'])[0]).toBe('⚠️ note: only');
  });
});
