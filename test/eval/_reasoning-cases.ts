// Hand-built responses for the reasoning checks: four candidates side by side, a think text with chosen marks.
import type { EvalGtSample } from '../../src/eval/read-gt.js';
import type { XyxyBox } from '../../src/eval/metric.js';
import { digestResponse } from '../../src/eval/reasoning.js';
import type { Prediction } from '../../src/eval/read-pred.js';

/** Person N = CANDIDATES[N-1]: four 10×10 boxes in a row, 10 px apart (no two overlap). */
export const CANDIDATES: XyxyBox[] = [
  [0, 0, 10, 10],
  [20, 0, 30, 10],
  [40, 0, 50, 10],
  [60, 0, 70, 10],
];

export function gtSample(over: Partial<EvalGtSample> = {}): EvalGtSample {
  return {
    position: 0, id: 'x-1', key: 's:x-1', file: 'gt.jsonl', line: 1, imageName: 'a.jpg', referring: 'the man in red',
    candidates: CANDIDATES, answers: [CANDIDATES[1]], domain: 'attribute', subDomain: 'color', ...over,
  };
}

type Mark = '✅' | '❌' | '⚠️';

/**
 * A think text in Rex-Thinker's shape. `marks[k]` is the summary mark of `${noun} ${k + 1}`; `extra` adds step
 * lines (e.g. a candidate the hint does not have).
 */
export function think(marks: readonly Mark[], { noun = 'Person', extra = [] as string[], planning = true, summary = true } = {}): string {
  const lines = marks.map((m, k) => `- ${noun} ${k + 1}: looked at closely → ${m}`);
  return [
    ...(planning ? [`OK, the user needs us to detect the man in red. To accomplish this task, I need to break it down into the following steps:`, `- Step 1: Look at each ${noun.toLowerCase()}.`, ''] : []),
    `# Step 1: Look at each ${noun.toLowerCase()}`,
    ...lines,
    ...extra,
    ...(summary ? ['', '# Summarize and Re-Check answer', `Let's now recheck our answer and put ✅ for the target ${noun.toLowerCase()} and ❌ for others`, ...lines] : []),
  ].join('\n');
}

/** A response with the answer's boxes written as Rex-Thinker writes them (```json fence). */
export function response(thinkText: string, boxes: readonly (readonly number[])[] | 'none'): string {
  const answer = boxes === 'none' ? 'There is no such thing in the image.' : `\`\`\`json\n[${boxes.map((b) => `{"bbox_2d": [${b.join(', ')}], "label": "the man in red"}`).join(', ')}]\n\`\`\``;
  return `<think>${thinkText}</think><answer>${answer}</answer>`;
}

/** A prediction as readPredictions makes it from a line with these boxes and this raw_response. */
export function prediction(id: string, boxes: readonly (readonly number[])[], raw: string): Prediction {
  const p: Prediction = { key: `s:${id}`, id, line: 1, boxes: boxes as Prediction['boxes'], rawResponse: raw };
  if (raw.trim() !== '') p.digest = digestResponse(raw);
  return p;
}
