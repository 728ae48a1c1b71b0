// What one model's reasoning on one sample says about its answer: faithful or not, candidates the hint does not
// have, missing parts, abstention at odds with the verdicts, boxes eval.py took from the reasoning.
// A response is digested once, when its line is read (a few numbers, no text kept); the digest is judged
// against the sample's candidates and the scored boxes.
import { largestNamedNumber } from '../cot/largest-number.js';
import { parseChainOfThought } from '../cot/parse.js';
import type { ParsedCot } from '../types.js';
import { evalPyBoxes } from './evalpy-boxes.js';
import { nearestCandidate } from './judge.js';
import { isNoPrediction, type PredictedBoxes, type XyxyBox } from './metric.js';
import { parseRawResponse, type ParsedResponse } from './response.js';

/** Candidate numbers past this are not looked for (a HumanRef image has far fewer people). */
export const MAX_NAMED_CANDIDATE = 1000;

/** What a response says, independent of the sample: read from the text once, then the text can go. */
export interface ResponseDigest {
  /** Numbers the reasoning finally marks ✅, ascending (any number the text names, past the hint's count too). */
  chosen: number[];
  /** Numbers with any final mark (✅ ❌ ⚠️), ascending. */
  marked: number[];
  /** Candidate numbers the text names, each once, ascending. */
  named: number[];
  /** The noun the reasoning names candidates with (`Person`, `Helmet`). */
  noun: string;
  missing: { planning: boolean; steps: boolean; summary: boolean; thinkTag: boolean; answerTag: boolean };
  formatRewardZero: boolean;
  saysNone: boolean;
  /** How many lists eval.py's regex reads from the response (0 when its parse fails), and which lie outside <answer> (1-based). */
  evalPyLists: number;
  listsOutsideAnswer: number[];
}

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
  /** Candidates named past the hint's count, each once, ascending (named with the reasoning's noun). */
  hallucinated: { noun: string; number: number }[];
  missing: ResponseDigest['missing'];
  /** Upstream's format reward (reward_func.py) would give 0. */
  formatRewardZero: boolean;
  /** The answer says there is no such thing, yet the reasoning marks someone ✅ ('none-but-marked'), or the reverse. */
  abstention: 'none-but-marked' | 'boxes-but-unmarked' | null;
  /** 1-based numbers of the scored boxes eval.py's regex read outside <answer> (when the boxes are eval.py's). */
  boxesFromReasoning: number[];
  noun: string;
}

type Parse = (think: string, candidateCount: number, regionMap: Record<string, number[]>) => ParsedCot;

const numbersWith = (verdicts: ParsedCot['verdicts'], test: (v: ParsedCot['verdicts'][number]) => boolean) => verdicts.flatMap((v, i) => (test(v) ? [i + 1] : []));

/**
 * The reasoning is parsed with as many candidates as the largest number it names, so a `Person 9` of 4 keeps
 * its marks and place; the sample's own count is applied when the digest is judged.
 */
export function digestResponse(raw: string, parse: Parse = parseChainOfThought): ResponseDigest {
  const response: ParsedResponse = parseRawResponse(raw);
  const cot = parse(response.think, largestNamedNumber(response.think, MAX_NAMED_CANDIDATE), {});
  const lists = evalPyBoxes(raw);
  const range = response.answerRange;
  return {
    chosen: numbersWith(cot.verdicts, (v) => v === '✅'),
    marked: numbersWith(cot.verdicts, (v) => v !== null),
    named: [...new Set(cot.mentions.map((m) => m.person))].sort((a, b) => a - b),
    noun: cot.noun,
    missing: {
      planning: cot.planning.text.trim() === '',
      steps: cot.steps.length === 0,
      summary: cot.summary === null,
      thinkTag: !response.tagsClosed.think,
      answerTag: !response.tagsClosed.answer,
    },
    formatRewardZero: response.formatProblem !== null,
    saysNone: response.saysNone,
    evalPyLists: lists.boxes.length,
    listsOutsideAnswer: lists.offsets.flatMap((at, i) => (range && at >= range.start && at < range.end ? [] : [i + 1])),
  };
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function judgeReasoning(candidates: readonly XyxyBox[], scored: PredictedBoxes, d: ResponseDigest): ReasoningJudgement {
  const n = candidates.length;
  const boxes = isNoPrediction(scored) ? [] : (scored as XyxyBox[]);
  const landed = boxes.map((b) => nearestCandidate(b, candidates));
  const answerChose = [...new Set(landed.filter((p): p is number => p !== null))].sort((a, b) => a - b);
  const offCandidate = landed.filter((p) => p === null).length;
  const reasoningChose = d.chosen.filter((k) => k <= n);
  const judged = d.marked.some((k) => k <= n);
  let abstention: ReasoningJudgement['abstention'] = null;
  if (d.saysNone && reasoningChose.length > 0) abstention = 'none-but-marked';
  else if (judged && reasoningChose.length === 0 && boxes.length > 0) abstention = 'boxes-but-unmarked';
  return {
    judged,
    reasoningChose,
    answerChose,
    offCandidate,
    faithful: judged ? offCandidate === 0 && sameSet(reasoningChose, answerChose) : null,
    hallucinated: d.named.filter((k) => k > n).map((number) => ({ noun: d.noun, number })),
    missing: d.missing,
    formatRewardZero: d.formatRewardZero,
    abstention,
    // Said only when the response's lists are the scored boxes (as many, in text order): eval.py's reading of it.
    boxesFromReasoning: d.evalPyLists > 0 && d.evalPyLists === boxes.length ? d.listsOutsideAnswer : [],
    noun: d.noun,
  };
}
