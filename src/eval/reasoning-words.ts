// The reasoning checks of one sample in words: header lines for the picture, notes for its footer.
import { evalPyBoxes } from './evalpy-boxes.js';
import { candidateNames } from '../cot/nouns.js';
import type { ReasoningJudgement } from './reasoning.js';

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

function answerChoice(r: ReasoningJudgement): string {
  const off = r.offCandidate > 0 ? `${plural(r.offCandidate, 'box', 'boxes')} on no candidate` : '';
  if (r.answerChose.length === 0) return off ? `the answer put ${off}` : 'the answer chose none (no box)';
  return `the answer chose ${candidateNames(r.noun, r.answerChose)}${off ? ` and ${off}` : ''}`;
}

/** Sentences for the picture's header; none for a sample whose reasoning and answer agree. */
export function reasoningHeaderLines(r: ReasoningJudgement | null, candidateCount: number): string[] {
  if (!r) return [];
  const lines: string[] = [];
  if (r.faithful === false) {
    const chose = r.reasoningChose.length ? candidateNames(r.noun, r.reasoningChose) : 'none (no ✅)';
    lines.push(`unfaithful: the reasoning chose ${chose}, ${answerChoice(r)}`);
  }
  if (r.hallucinated.length) {
    const list = r.hallucinated.map((h) => `${h.noun} ${h.number}`).join(', ');
    lines.push(`hallucinated: ${list} (the hint has ${plural(candidateCount, 'candidate')})`);
  }
  if (r.abstention === 'none-but-marked') lines.push(`the answer says there is no such thing, yet the reasoning marks ${candidateNames(r.noun, r.reasoningChose)} ✅`);
  if (r.abstention === 'boxes-but-unmarked') lines.push(`the reasoning marks no one ✅, yet ${answerChoice(r)}`);
  return lines;
}

/** Footer notes on where the scored boxes came from. */
export function reasoningNotes(result: { rawResponse: string; scoredFromRaw?: boolean }, r: ReasoningJudgement | null): string[] {
  const notes: string[] = [];
  if (result.scoredFromRaw) {
    const failure = evalPyBoxes(result.rawResponse).failure;
    notes.push(`no extracted_predictions: the boxes are read from raw_response as eval.py reads them and scaled from the model's input size (smart_resize)${failure ? `; ${failure}` : ''}`);
  }
  if (r && r.boxesFromReasoning.length) {
    const which = r.boxesFromReasoning.map((k) => `#${k}`).join(', ');
    notes.push(`eval.py's regex took box ${which} from outside <answer> (the reasoning): every [x0, y0, x1, y1] in the response is scored as a predicted box`);
  }
  return notes;
}
