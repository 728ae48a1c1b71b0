// What a picture of one model on one sample says, as data: per person (target? verdict? agrees?) and per box (hit, miss, false alarm).
import type { Mark } from '../types.js';
import { iou, isNoPrediction, type BoxMatch, type PredictedBoxes, type XyxyBox } from './metric.js';

/** 1-based candidate whose box best overlaps `box` (IoU >= 0.5; the first on a tie), or null. */
export function nearestCandidate(box: readonly number[], candidates: readonly XyxyBox[]): number | null {
  let best = 0;
  let person: number | null = null;
  candidates.forEach((c, i) => {
    const value = iou(box, c);
    if (value > best && value >= 0.5) {
      best = value;
      person = i + 1;
    }
  });
  return person;
}

/** The ground-truth targets as Person numbers (answer boxes are candidate boxes in HumanRef), ascending. */
export function targetPersons(answers: readonly XyxyBox[], candidates: readonly XyxyBox[]): number[] {
  const persons = answers.map((a) => nearestCandidate(a, candidates)).filter((p): p is number => p !== null);
  return [...new Set(persons)].sort((a, b) => a - b);
}

export type Agreement = 'agree' | 'disagree' | 'unknown';

/** The model's final verdict against the truth: ✅ on a target, or ❌/⚠️ on anyone else, agrees; no mark is unknown. */
export function agreementOf(verdict: Mark | null, target: boolean): Agreement {
  if (verdict === null) return 'unknown';
  return (verdict === '✅') === target ? 'agree' : 'disagree';
}

export interface PersonJudgement {
  person: number;
  target: boolean;
  verdict: Mark | null;
  agreement: Agreement;
  /** HumanRef-CoT ground truth only: the dataset's own final verdict. */
  datasetVerdict?: Mark | null;
}

export function judgePersons(
  candidateCount: number,
  targets: readonly number[],
  verdicts: readonly (Mark | null)[],
  datasetVerdicts?: readonly (Mark | null)[],
): PersonJudgement[] {
  const set = new Set(targets);
  return Array.from({ length: candidateCount }, (_, i) => {
    const person = i + 1;
    const verdict = verdicts[i] ?? null;
    const j: PersonJudgement = { person, target: set.has(person), verdict, agreement: agreementOf(verdict, set.has(person)) };
    if (datasetVerdicts) j.datasetVerdict = datasetVerdicts[i] ?? null;
    return j;
  });
}

export interface PredictedBoxJudgement {
  /** 0-based position in extracted_predictions. */
  index: number;
  box: XyxyBox;
  outcome: 'hit' | 'false-alarm';
  /** IoU with the gt box it matched (hit), else its best IoU with any gt box. */
  iou: number;
  /** 0-based gt box it matched, for a hit. */
  gt: number | null;
  /** The candidate it lies on, if any. */
  person: number | null;
}

export interface GtBoxJudgement {
  index: number;
  box: XyxyBox;
  outcome: 'hit' | 'missed';
  person: number | null;
}

/** Hits, misses and false alarms at IoU 0.5 from upstream's greedy matches. */
export function judgeBoxes(
  answers: readonly XyxyBox[],
  pred: PredictedBoxes,
  matches: readonly BoxMatch[],
  candidates: readonly XyxyBox[],
): { predicted: PredictedBoxJudgement[]; gt: GtBoxJudgement[] } {
  const boxes = isNoPrediction(pred) ? [] : (pred as XyxyBox[]);
  const byPred = new Map(matches.map((m) => [m.pred, m]));
  const matchedGt = new Set(matches.map((m) => m.gt));
  const predicted = boxes.map((box, index): PredictedBoxJudgement => {
    const m = byPred.get(index);
    const best = answers.reduce((b, a) => Math.max(b, iou(a, box)), 0);
    return { index, box, outcome: m ? 'hit' : 'false-alarm', iou: m ? m.iou : best, gt: m ? m.gt : null, person: nearestCandidate(box, candidates) };
  });
  const gt = answers.map((box, index): GtBoxJudgement => ({ index, box, outcome: matchedGt.has(index) ? 'hit' : 'missed', person: nearestCandidate(box, candidates) }));
  return { predicted, gt };
}
