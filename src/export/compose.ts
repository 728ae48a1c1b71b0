// The training text of one sample, composed as Rex-Thinker composes it: the prompt its evaluation script sends
// (evaluation/eval.py), the answer its dataset converter writes (rexthinker/tools/dataset_tools/convert_dataset.py),
// boxes in the model's pixels (smart_resize, then int() and clamping).
import type { Annotation, ParsedCot } from '../types.js';
import { boxesToModelPixels, smartResize, type ModelSize, type ResizeLimits } from '../geometry/smart-resize.js';
import { pythonJsonDumps } from './python-json.js';
import { TOY_SOURCE } from '../sources/toy.js';

/** eval.py's system prompt (THINK_PROMPT), character for character. */
export const THINK_PROMPT =
  'A conversation between User and Assistant. The user asks a question, and the Assistant solves it. The assistant first thinks about the reasoning process in the mind and then provides the user with the answer. The reasoning process and answer are enclosed within <think> </think> and <answer> </answer> tags, respectively, i.e., <think> reasoning process here </think><answer> answer here </answer>.';

/** eval.py's answer for "no such object", named in its prompt for images without candidates. */
export const NO_OBJECT_ANSWER = 'None';

/** The category eval.py and the toy dataset name the candidates by. */
export const HINT_CATEGORY = 'person';

/** convert_dataset.py's --min_pixels default (eval.py's is 256*28*28): the GRPO parquet's hints use it. */
export const CONVERTER_MIN_PIXELS = 16 * 28 * 28;

export type Box = [number, number, number, number];

/** What a training record needs of a sample: the expression, every candidate and the targets, [x0, y0, x1, y1] in image pixels. */
export interface GroundingTask {
  referring: string;
  candidates: Box[];
  targets: Box[];
  imageWidth: number;
  imageHeight: number;
  /** The name convert_dataset.py gives the hint: its first candidate's category (`person` unless a custom row says otherwise). */
  category?: string;
}

const xyxy = ([x, y, w, h]: readonly number[]): Box => [x, y, x + w, y + h];
const isBox = (v: unknown): v is number[] => Array.isArray(v) && v.length === 4 && v.every((n) => typeof n === 'number');

/**
 * The task of a HumanRef-CoT sample: its (first) referring expression, its xywh candidates as xyxy, and the targets
 * region_map lists for that expression (none for a rejection sample).
 */
export function taskOfSample(annotation: Annotation, cot: ParsedCot, size: { width: number; height: number }): GroundingTask {
  const referring = cot.expressions[0] ?? '';
  const indices = annotation.regionMap[referring] ?? [];
  // A row of upstream's custom GRPO format answers with its own box (sources/toy.ts keeps it), hint or not.
  const ans = annotation.extra.source === TOY_SOURCE ? annotation.extra.ans : undefined;
  const category = annotation.extra.source === TOY_SOURCE ? annotation.extra.hint_category : undefined;
  return {
    referring,
    candidates: annotation.gtBoxes.map(xyxy),
    targets: isBox(ans) ? [[...ans] as Box] : indices.filter((i) => i >= 0 && i < annotation.gtBoxes.length).map((i) => xyxy(annotation.gtBoxes[i])),
    imageWidth: size.width,
    imageHeight: size.height,
    ...(typeof category === 'string' ? { category } : {}),
  };
}

export function modelSizeOf(task: GroundingTask, limits: ResizeLimits): ModelSize {
  return smartResize(task.imageHeight, task.imageWidth, limits);
}

const toModel = (boxes: readonly Box[], task: GroundingTask, model: ModelSize) => boxesToModelPixels(boxes, task.imageWidth, task.imageHeight, model);

/** eval.py's user prompt: the box hint and the `Locate` line, or its no-candidate prompt when there are no candidates. */
export function evalPrompt(task: GroundingTask, model: ModelSize): string {
  if (task.candidates.length === 0) {
    return `Locate ${task.referring} in the image and answer the question in json format. If there is no such object, please answer with 'None'.`;
  }
  const hint = pythonJsonDumps({ [HINT_CATEGORY]: toModel(task.candidates, task, model) });
  return `Hint: ${hint}\nLocate ${task.referring} in the image and answer the question in json format.`;
}

/** convert_dataset.py's compose_answer: a fenced JSON list of {bbox_2d, label}, boxes in the model's pixels. */
export function converterAnswer(task: GroundingTask, model: ModelSize): string {
  const answer = toModel(task.targets, task, model).map((box) => ({ bbox_2d: box, label: task.referring }));
  return `\`\`\`json\n${pythonJsonDumps(answer)}\n\`\`\``;
}

/** The assistant turn: the reasoning, then the answer (eval.py's `None` when nothing is referred to). */
export function assistantTurn(think: string, task: GroundingTask, model: ModelSize): string {
  const answer = task.targets.length === 0 ? NO_OBJECT_ANSWER : converterAnswer(task, model);
  return `<think>${think}</think><answer>${answer}</answer>`;
}

/** convert_dataset.py's `problem` column: `<image>`, the hint named by the category, the `Please detect` line. */
export function converterProblem(task: GroundingTask, model: ModelSize): string {
  const hint = pythonJsonDumps({ [task.category ?? HINT_CATEGORY]: toModel(task.candidates, task, model) });
  return `<image>Hint: Object and its coordinates in this image: ${hint}\nPlease detect ${task.referring} in this image.`;
}
