// What one model's reasoning on one sample says about its answer: faithful or not, candidates the hint does not
// have, missing parts, abstention at odds with the verdicts, boxes eval.py took from the reasoning.
import { nounKey } from '../cot/nouns.js';
import { mentionsPastCount } from '../cot/past-count.js';
import type { ParsedCot } from '../types.js';
import { evalPyBoxes } from './evalpy-boxes.js';
import { nearestCandidate } from './judge.js';
import { isNoPrediction, type PredictedBoxes, type XyxyBox } from './metric.js';
import type { ParsedResponse } from './response.js';

export interface ReasoningJudgement {
  /** The reasoning gives at least one candidate a final mark (✅ ❌ ⚠️): only then is faithfulness judged. */
  judged: boolean;
  /** Candidates the reasoning finally marks ✅, 1-based, ascending. */
  reasoningChose: number[];
  /** Candidates the answer boxes land on (IoU >= 0.5), 1-based, ascending, each once. */
  answerChose: number[];
  /** Answer boxes that land on no candidate. */
  offCandidate: number;
  /** Judged, every box on a candidate, and the two sets equal; null when not judged. */
  faithful: boolean | null;
  /** Candidate mentions past the hint's count, each (noun, number) once, in text order. */
  hallucinated: { noun: string; number: number }[];
  missing: { planning: boolean; steps: boolean; summary: boolean; thinkTag: boolean; answerTag: boolean };
  /** Upstream's format reward (reward_func.py) would give 0. */
  formatRewardZero: boolean;
  /** The answer says there is no such thing, yet the reasoning marks someone ✅ ('none-but-marked'), or the reverse. */
  abstention: 'none-but-marked' | 'boxes-but-unmarked' | null;
  /** 1-based numbers of the scored boxes eval.py's regex read outside <answer> (when the boxes are eval.py's). */
  boxesFromReasoning: number[];
  /** The noun the reasoning names candidates with (`Person`, `Helmet`). */
  noun: string;
}

/** The model's answer as scored. */
export interface ScoredAnswer {
  boxes: PredictedBoxes;
  rawResponse: string;
}

/** Most frequent candidate noun of the mentions, singular and capitalised; `Person` when there is none. */
export function candidateNoun(cot: Pick<ParsedCot, 'mentions'>): string {
  const counts = new Map<string, number>();
  for (const m of cot.mentions) {
    const key = nounKey(m.noun);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = 'person';
  let most = 0;
  for (const [key, n] of counts) {
    if (n > most) [best, most] = [key, n];
  }
  return best.charAt(0).toUpperCase() + best.slice(1);
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Which scored boxes eval.py read outside the answer. Only said when the response's lists are the scored boxes
 * (same count, same order): then extracted_predictions came from eval.py's regex over this response.
 */
export function boxesReadOutsideAnswer(answer: ScoredAnswer, response: ParsedResponse): number[] {
  const boxes = isNoPrediction(answer.boxes) ? [] : answer.boxes;
  const read = evalPyBoxes(answer.rawResponse);
  if (read.boxes.length === 0 || read.boxes.length !== boxes.length) return [];
  const range = response.answerRange;
  return read.offsets.flatMap((at, i) => (range && at >= range.start && at < range.end ? [] : [i + 1]));
}

export function judgeReasoning(candidates: readonly XyxyBox[], answer: ScoredAnswer, response: ParsedResponse, cot: ParsedCot): ReasoningJudgement {
  const n = candidates.length;
  const boxes = isNoPrediction(answer.boxes) ? [] : (answer.boxes as XyxyBox[]);
  const landed = boxes.map((b) => nearestCandidate(b, candidates));
  const answerChose = [...new Set(landed.filter((p): p is number => p !== null))].sort((a, b) => a - b);
  const offCandidate = landed.filter((p) => p === null).length;
  const reasoningChose = cot.verdicts.flatMap((v, i) => (v === '✅' ? [i + 1] : []));
  const judged = cot.verdicts.some((v) => v !== null);
  const seen = new Set<string>();
  const hallucinated: ReasoningJudgement['hallucinated'] = [];
  // The parser warns of every number past the count; without such a warning there is nothing to look for.
  const past = cot.warnings.some((w) => w.includes('is out of range')) ? mentionsPastCount(response.think, cot, n) : [];
  for (const m of past) {
    const key = `${m.noun.toLowerCase()} ${m.person}`;
    if (!seen.has(key)) {
      seen.add(key);
      hallucinated.push({ noun: m.noun, number: m.person });
    }
  }
  let abstention: ReasoningJudgement['abstention'] = null;
  if (response.saysNone && reasoningChose.length > 0) abstention = 'none-but-marked';
  else if (judged && reasoningChose.length === 0 && boxes.length > 0) abstention = 'boxes-but-unmarked';
  return {
    judged,
    reasoningChose,
    answerChose,
    offCandidate,
    faithful: judged ? offCandidate === 0 && sameSet(reasoningChose, answerChose) : null,
    hallucinated,
    missing: {
      planning: cot.planning.text.trim() === '',
      steps: cot.steps.length === 0,
      summary: cot.summary === null,
      thinkTag: !response.tagsClosed.think,
      answerTag: !response.tagsClosed.answer,
    },
    formatRewardZero: response.formatProblem !== null,
    abstention,
    boxesFromReasoning: boxesReadOutsideAnswer(answer, response),
    noun: candidateNoun(cot),
  };
}
