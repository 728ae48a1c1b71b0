// Lines with only a raw_response: the boxes eval.py reads from it, moved from the model's input pixels to the
// image's as eval.py does (the input size is Qwen2.5-VL's smart_resize of the image, with --min/--max-pixels).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readImageHeader } from '../dataset/image-header.js';
import { UsageError } from '../errors.js';
import { boxesFromModelPixels, DEFAULT_MAX_PIXELS, DEFAULT_MIN_PIXELS, smartResize, type ModelSize, type ResizeLimits } from '../geometry/smart-resize.js';
import type { SampleSource } from '../plumbing/seams.js';
import { lineProblem } from './jsonl.js';
import type { XyxyBox } from './metric.js';
import type { EvalGtSample } from './read-gt.js';
import type { PredReadResult, Prediction } from './read-pred.js';

export type ImageSizeOf = (gt: EvalGtSample) => Promise<{ width: number; height: number }>;

type Truth = { kind: 'jsonl'; imagesDir: string | null } | { kind: 'dataset'; sources: readonly SampleSource[] };

/** The stored (unrotated) size of a sample's image, as PIL's Image.size gives it to eval.py. */
export function imageSizeReader(truth: Truth): ImageSizeOf {
  return async (gt) => {
    let bytes: Buffer;
    if (truth.kind === 'dataset') {
      const split = truth.sources.find((s) => s.paths.name === gt.dataset?.split);
      if (!split || !gt.dataset) throw new Error('the sample has no split to read its image from');
      bytes = (await split.readSample(gt.dataset.index)).image;
    } else {
      if (!truth.imagesDir) throw new Error('no --images folder to read the image size from');
      if (!gt.imageName) throw new Error('its ground-truth sample has no image_name');
      bytes = await readFile(path.join(truth.imagesDir, gt.imageName)).catch((error: NodeJS.ErrnoException) => {
        throw new Error(`cannot read the image ${gt.imageName} (${error.code ?? error.message})`);
      });
    }
    return readImageHeader(bytes);
  };
}

/** Boxes of a raw-only prediction in image pixels, given the image's size. */
export function rescaleRawBoxes(prediction: Prediction, image: { width: number; height: number }, limits: ResizeLimits = {}): { boxes: XyxyBox[]; model: ModelSize } {
  const model = smartResize(image.height, image.width, limits);
  const boxes = prediction.rawOnly ? boxesFromModelPixels(prediction.rawOnly.boxes, model, image.width, image.height) : [];
  return { boxes: boxes as XyxyBox[], model };
}

/**
 * Fills in `boxes` of every raw-only line that has some. A line whose image cannot be sized is reported and
 * dropped, as a bad line is: its sample counts as having no prediction.
 */
export async function scaleRawPredictions(pred: PredReadResult, truth: readonly EvalGtSample[], sizeOf: ImageSizeOf, limits: ResizeLimits = {}): Promise<PredReadResult> {
  const gtByKey = new Map(truth.map((g) => [g.key, g]));
  const byKey = new Map(pred.byKey);
  const problems = [...pred.problems];
  for (const p of pred.byKey.values()) {
    const gt = gtByKey.get(p.key);
    if (!p.rawOnly || p.rawOnly.boxes.length === 0 || !gt) continue;
    try {
      byKey.set(p.key, { ...p, boxes: rescaleRawBoxes(p, await sizeOf(gt), limits).boxes });
    } catch (error) {
      byKey.delete(p.key);
      const why = error instanceof Error ? error.message : String(error);
      problems.push(lineProblem(pred.file, p.line, `raw_response gives ${p.rawOnly.boxes.length} box${p.rawOnly.boxes.length === 1 ? '' : 'es'} in the model's pixels, which eval.py scales by the image's size, but ${why}`, 'Give --images (or add extracted_predictions to the line); it is skipped, so this sample counts as having no prediction'));
    }
  }
  return { ...pred, byKey, problems };
}

/** --min-pixels / --max-pixels: whole numbers of pixels, min at most max. */
export function parseResizeLimits(min: string | undefined, max: string | undefined): ResizeLimits {
  const parse = (flag: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new UsageError(`${flag} ${text}: give a whole number of pixels, e.g. ${flag} ${flag === '--min-pixels' ? DEFAULT_MIN_PIXELS : DEFAULT_MAX_PIXELS}`);
    return Number(text);
  };
  const limits: ResizeLimits = {};
  const minPixels = parse('--min-pixels', min);
  const maxPixels = parse('--max-pixels', max);
  if (minPixels !== undefined) limits.minPixels = minPixels;
  if (maxPixels !== undefined) limits.maxPixels = maxPixels;
  if ((limits.minPixels ?? DEFAULT_MIN_PIXELS) > (limits.maxPixels ?? DEFAULT_MAX_PIXELS)) throw new UsageError('--min-pixels is larger than --max-pixels');
  return limits;
}
