// Builds small HumanRef-CoT splits in temp folders: valid lines from plain objects, tiny real images from sharp.
import sharp from 'sharp';
import { DataError } from '../../src/errors.js';
import type { SplitPaths } from '../../src/types.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { writeEntries, type Entry, type WrittenSplit } from '../tsv.js';

/** A real image of the given size and format (solid colour), made by sharp. */
export async function tinyImage(format: 'png' | 'jpeg' | 'webp' | 'gif', width = 6, height = 4): Promise<Buffer> {
  const base = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 60 } } });
  return base.toFormat(format).toBuffer();
}

/** JSON like Python's json.dumps defaults: `", "` and `": "` separators, non-ASCII escaped as \uXXXX when ascii. */
export function pythonJson(value: unknown, ascii = true): string {
  const text = dumps(value);
  return ascii ? text.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) : text;
}

function dumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(dumps).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${dumps(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

export interface SampleSpec {
  annotation: unknown;
  image: Buffer;
  key?: string;
}

export interface LineOptions {
  /** Escape non-ASCII as \uXXXX (Python default) or write raw UTF-8. */
  ascii?: boolean;
  /** Wrap the base64 as a Python bytes literal b'...'. */
  bytesLiteral?: boolean;
  eol?: '\n' | '\r\n';
}

export function annotationLine(imgOffset: number, annotation: unknown, opts: LineOptions = {}): string {
  return `${imgOffset}\t${pythonJson(annotation, opts.ascii ?? true)}${opts.eol ?? '\n'}`;
}

export function imageLine(key: string, image: Buffer, opts: LineOptions = {}): string {
  const b64 = image.toString('base64');
  return `${key}\t${opts.bytesLiteral ? `b'${b64}'` : b64}${opts.eol ?? '\n'}`;
}

export type BuiltSplit = WrittenSplit;

/** Writes `<prefix>.{images,annotations}.tsv` (+ `.lineidx` unless lineidx: false) with the shared writer; each line carries its own end of line. */
export function writeSplit(dir: string, prefix: string, samples: SampleSpec[], opts: LineOptions & { lineidx?: boolean } = {}): Promise<BuiltSplit> {
  const entries: Entry[] = samples.map((s, i) => ({
    imageLine: Buffer.from(imageLine(s.key ?? `img${i}`, s.image, opts)),
    annotationLine: (imgOffset) => Buffer.from(annotationLine(imgOffset, s.annotation, opts)),
    imgNewline: false,
    annNewline: false,
  }));
  return writeEntries(dir, prefix, entries, { lineidx: opts.lineidx });
}

/** A typical annotation: four candidates, two targets, a short reasoning with marks. */
export function sampleAnnotation(expression = 'the two people holding hands', targets = [1, 3]): Record<string, unknown> {
  return {
    gt_boxes: [
      [0.907, 200.998, 259.579, 823.311],
      [188.193, 181.911, 255.304, 842.247],
      [668.186, 176.46, 372.527, 847.631],
      [394.851, 205.789, 574.138, 818.038],
    ],
    region_map: { [expression]: targets },
    think: `OK, the user needs us to detect ${expression}.\n# Step 1: Look.\n- Person 1: left. → ❌\n- Person 2: holding hands. → ✅`,
  };
}

/** The DataError a call throws; any other outcome fails the test. */
export function dataError(fn: () => unknown): DataError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

/** The DataError a promise rejects with; any other outcome fails the test. */
export async function failure(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

/** A Git LFS pointer file: what a clone without `git lfs pull` holds instead of the TSV. */
export const LFS = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 9540000000\n';

/** Three samples: a PNG and a JPEG, non-ASCII text, an extra key, and one with no candidates. */
export async function samples(): Promise<SampleSpec[]> {
  const [png, jpeg] = await Promise.all([tinyImage('png', 7, 5), tinyImage('jpeg', 9, 3)]);
  return [
    { annotation: sampleAnnotation('the man → ✅ in “red”', [0]), image: png, key: 'a' },
    { annotation: { ...sampleAnnotation('two 😀 people', [1, 3]), note: 1 }, image: jpeg, key: 'b' },
    { annotation: { gt_boxes: [], region_map: {}, think: 'Let’s now finalize: nobody.' }, image: png, key: 'c' },
  ];
}

/** Every sample of a split, read in order. */
export async function readAll(paths: SplitPaths, onWarning?: (m: string) => void) {
  const dataset = await Dataset.open(paths, { onWarning });
  try {
    const out = [];
    for (let i = 0; i < dataset.length; i++) out.push(await dataset.readSample(i));
    return out;
  } finally {
    await dataset.close();
  }
}

/** The DataError reading sample `index` fails with (any other outcome fails the test). */
export async function readFailure(paths: SplitPaths, index: number, options: { maxLineBytes?: number; maxImagePixels?: number } = {}): Promise<DataError> {
  const dataset = await Dataset.open(paths, options);
  try {
    return await failure(dataset.readSample(index));
  } finally {
    await dataset.close();
  }
}
