// What upstream's accuracy_reward needs of a custom GRPO row: its answer box must be exactly one of the hint boxes
// (both in the model's pixels, as convert_dataset.py writes them), or the row can never earn accuracy reward.
import type { Annotation } from '../types.js';
import { boxesToModelPixels, smartResize } from '../geometry/smart-resize.js';
import { TOY_SOURCE } from './toy.js';

/** convert_dataset.py's --min_pixels default (its hints and answers use it). */
const CONVERTER_MIN_PIXELS = 16 * 28 * 28;

/** A custom GRPO row carries no reasoning by design: the reasoning's findings do not apply to it. */
export function hasNoReasoning(annotation: Annotation): boolean {
  return annotation.extra.source === TOY_SOURCE;
}

export function iou(a: readonly number[], b: readonly number[]): number {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = w * h;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

const same = (a: readonly number[], b: readonly number[]) => a.every((v, i) => v === b[i]);
const list = (box: readonly number[]) => `[${box.map((v) => String(Math.round(v * 100) / 100)).join(', ')}]`;

/** For rows of the custom GRPO format only (extra.source): the answer against the hints, in image and in model pixels. */
export function answerHintFindings(annotation: Annotation, width: number, height: number): { code: 'answer-not-a-hint'; message: string }[] {
  if (annotation.extra.source !== TOY_SOURCE) return [];
  const ans = annotation.extra.ans as number[];
  const hints = annotation.gtBoxes.map(([x, y, w, h]) => [x, y, x + w, y + h]);
  let model;
  try {
    model = smartResize(height, width, { minPixels: CONVERTER_MIN_PIXELS });
  } catch {
    return [];
  }
  const [ansModel, ...hintsModel] = boxesToModelPixels([ans, ...hints], width, height, model);
  if (hintsModel.some((h) => same(h, ansModel))) return [];
  let best = -1;
  hints.forEach((h, i) => {
    if (best === -1 || iou(h, ans) > iou(hints[best], ans)) best = i;
  });
  const closest = best === -1 ? 'there are no hints' : `the closest is hint ${best + 1}, ${list(hints[best])} (IoU ${iou(hints[best], ans).toFixed(3)}), ${list(hintsModel[best])} in the model's pixels`;
  return [
    {
      code: 'answer-not-a-hint' as const,
      message: `ans ${list(ans)} (${list(ansModel)} in the model's pixels) is not one of the ${hints.length} hint boxes; ${closest}. Upstream's accuracy_reward counts only exact box matches, so this row can never earn accuracy reward: make ans one of the candidate_boxes`,
    },
  ];
}
