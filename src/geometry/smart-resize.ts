// The model's input size (Qwen2.5-VL's smart_resize) and boxes moved between image pixels and the model's pixels,
// with the rounding of Rex-Thinker's evaluation/eval.py, so prompts and answers match upstream's to the integer.

/** Qwen2.5-VL's patch factor and eval.py's --min_pixels / --max_pixels defaults. */
export const QWEN_FACTOR = 28;
export const DEFAULT_MIN_PIXELS = 256 * 28 * 28;
export const DEFAULT_MAX_PIXELS = 1280 * 28 * 28;
/** smart_resize refuses images whose long side is more than this many times the short side. */
export const MAX_ASPECT_RATIO = 200;

export interface ResizeLimits {
  factor?: number;
  minPixels?: number;
  maxPixels?: number;
}

export interface ModelSize {
  width: number;
  height: number;
}

/** Python's round(): halves go to the even neighbour (round(2.5) == 2), unlike Math.round. */
export function pythonRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * The size Qwen2.5-VL resizes an image to: both sides multiples of the factor, the area within
 * [minPixels, maxPixels], the aspect ratio nearly kept. Throws a RangeError where smart_resize raises.
 */
export function smartResize(height: number, width: number, limits: ResizeLimits = {}): ModelSize {
  const factor = limits.factor ?? QWEN_FACTOR;
  const minPixels = limits.minPixels ?? DEFAULT_MIN_PIXELS;
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (!(height > 0 && width > 0)) throw new RangeError(`an image of ${width}x${height} pixels has no model input size`);
  if (Math.max(height, width) / Math.min(height, width) > MAX_ASPECT_RATIO) {
    throw new RangeError(`an image of ${width}x${height} pixels is more than ${MAX_ASPECT_RATIO} times as long as it is wide`);
  }
  let h = Math.max(factor, pythonRound(height / factor) * factor);
  let w = Math.max(factor, pythonRound(width / factor) * factor);
  if (h * w > maxPixels) {
    const beta = Math.sqrt((height * width) / maxPixels);
    h = Math.floor(height / beta / factor) * factor;
    w = Math.floor(width / beta / factor) * factor;
  } else if (h * w < minPixels) {
    const beta = Math.sqrt(minPixels / (height * width));
    h = Math.ceil((height * beta) / factor) * factor;
    w = Math.ceil((width * beta) / factor) * factor;
  }
  return { width: w, height: h };
}

const clamp = (v: number, size: number) => Math.max(0, Math.min(v, size - 1));

/**
 * [x0, y0, x1, y1] boxes in image pixels -> the model's pixels, as eval.py writes the box hint: each coordinate
 * scaled (divide, then multiply), truncated toward zero like Python's int(), then clamped to [0, size - 1].
 */
export function boxesToModelPixels(boxes: readonly (readonly number[])[], imageWidth: number, imageHeight: number, model: ModelSize): number[][] {
  return boxes.map(([x0, y0, x1, y1]) => [
    clamp(Math.trunc((x0 / imageWidth) * model.width), model.width),
    clamp(Math.trunc((y0 / imageHeight) * model.height), model.height),
    clamp(Math.trunc((x1 / imageWidth) * model.width), model.width),
    clamp(Math.trunc((y1 / imageHeight) * model.height), model.height),
  ]);
}

/** Boxes in the model's pixels -> image pixels, as eval.py rescales an answer: no rounding, no clamping. */
export function boxesFromModelPixels(boxes: readonly (readonly number[])[], model: ModelSize, imageWidth: number, imageHeight: number): number[][] {
  return boxes.map(([x0, y0, x1, y1]) => [
    (x0 / model.width) * imageWidth,
    (y0 / model.height) * imageHeight,
    (x1 / model.width) * imageWidth,
    (y1 / model.height) * imageHeight,
  ]);
}
