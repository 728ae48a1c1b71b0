// Everything a picture of one model on one sample shows, computed without drawing: parsed response, verdicts vs truth, box outcomes.
import type { ParsedCot } from '../types.js';
import type { ModelSampleResult } from './evaluate.js';
import { judgeBoxes, judgePersons, targetPersons } from './judge.js';
import { isNoPrediction } from './metric.js';
import type { EvalGtSample } from './read-gt.js';
import { digestResponse, judgeReasoning, type ReasoningJudgement } from './reasoning.js';
import { reasoningHeaderLines, reasoningNotes } from './reasoning-words.js';
import { parseRawResponse } from './response.js';
import type { EvalTextInput } from './picture-text.js';

export type ParseCot = (think: string, candidateCount: number, regionMap: Record<string, number[]>) => ParsedCot;

export interface SampleView extends EvalTextInput {
  /** Response notes and parser warnings, for the footer. */
  notes: string[];
  /** The reasoning checks; null without a response. */
  reasoning: ReasoningJudgement | null;
  /** The noun the reasoning names candidates with, for box labels and the header (`Person`, `Helmet`). */
  candidateNoun: string;
  /** Sentences for the header: unfaithful, hallucinated candidates, abstention at odds with the verdicts. */
  headerLines: string[];
}

/**
 * The model's think text goes through the project's chain-of-thought parser; with HumanRef-CoT ground truth
 * the dataset's own reasoning is parsed too, so the two can be compared person by person.
 */
export function sampleView(gt: EvalGtSample, modelName: string, result: ModelSampleResult, parse: ParseCot): SampleView {
  const response = parseRawResponse(result.rawResponse);
  const n = gt.candidates.length;
  const cot = parse(response.think, n, {});
  const targets = targetPersons(gt.answers, gt.candidates);
  const datasetCot = gt.dataset ? parse(gt.dataset.think, n, gt.dataset.regionMap) : undefined;
  const persons = judgePersons(n, targets, cot.verdicts, datasetCot?.verdicts);
  const boxes = judgeBoxes(gt.answers, result.boxes, result.matches, gt.candidates);
  // The run's judgement when there is one, so the picture says what metrics.json counts.
  const reasoning = result.reasoning ?? (result.rawResponse.trim() === '' ? null : judgeReasoning(gt.candidates, result.boxes, digestResponse(result.rawResponse, parse)));
  const notes = [...response.notes.map((x) => `response: ${x}`), ...(response.think.trim() ? cot.warnings.map((w) => `reasoning: ${w}`) : [])];
  if (result.hasPrediction && !result.scoredFromRaw && isNoPrediction(result.boxes) && response.answer !== null && !response.saysNone) notes.push('the answer is not a rejection, yet extracted_predictions holds no box (eval.py could not read one from it)');
  notes.push(...reasoningNotes(result, reasoning));
  const unplaced = boxes.gt.filter((g) => g.person === null).length;
  if (unplaced > 0) notes.push(`${unplaced} ground-truth box${unplaced === 1 ? ' lies' : 'es lie'} on no candidate (IoU < 0.5 with every candidate box)`);
  const candidateNoun = reasoning?.noun ?? 'Person';
  return { gt, modelName, result, response, cot, persons, targets, boxes, notes, reasoning, candidateNoun, headerLines: reasoningHeaderLines(reasoning, n) };
}
