// Upstream's custom GRPO format as a source: rexthinker/tools/dataset_tools/toy_dataset/anno_with_candidates.json, really
// JSONL ({image_name, ans, referring, category, candidate_boxes: [{bbox, category}]}, boxes [x0, y0, x1, y1]), images in a
// folder. Each row becomes a sample: the hints are its candidates (as xywh, like HumanRef-CoT), the target is the hint
// equal to `ans` (none when no hint is), and `ans` itself is kept in `extra` for the checks.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataError, type DataLocation } from '../errors.js';
import { MAX_IMAGE_PIXELS } from '../formats.js';
import { sniffImageFormat, hexStart } from '../dataset/image-header.js';
import { checkImageSize } from '../dataset/image-line.js';
import { ioError } from '../dataset/lfs.js';
import { CUSTOM_GRPO_SOURCE, type AnnotationRecord, type Sample, type SplitPaths } from '../types.js';
import type { SampleSource } from '../plumbing/seams.js';

/** `extra.source` of a sample read from this format (declared with the shapes, where cot/ and render/ read it too). */
export const TOY_SOURCE = CUSTOM_GRPO_SOURCE;

export interface ToyRow {
  imageName: string;
  ans: number[];
  referring: string;
  category: string;
  candidates: { bbox: number[]; category: string }[];
}

/** Files in this format: `.json` or `.jsonl` given as the annotations file (HumanRef-CoT's are `.tsv`). */
export function isToyFile(file: string): boolean {
  return /\.jsonl?$/i.test(file);
}

const isBox = (v: unknown): v is number[] => Array.isArray(v) && v.length === 4 && v.every((n) => typeof n === 'number' && Number.isFinite(n));

function checkRow(value: unknown, where: DataLocation): ToyRow {
  const bad = (problem: string): never => {
    throw new DataError('wrong-type', where, problem, 'Expected a row of upstream\'s custom GRPO format: {"image_name", "ans", "referring", "candidate_boxes": [{"bbox", "category"}]}');
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('the line is not a JSON object');
  const row = value as Record<string, unknown>;
  if (typeof row.image_name !== 'string' || row.image_name === '') bad('"image_name" must be a file name');
  // A name, never a path: nothing outside the images folder is read.
  if (path.basename(row.image_name as string) !== row.image_name || row.image_name === '..') bad(`"image_name" ${JSON.stringify(row.image_name)} is not a plain file name`);
  if (!isBox(row.ans)) bad('"ans" must be a box [x0, y0, x1, y1] of 4 numbers');
  if (typeof row.referring !== 'string') bad('"referring" must be a string');
  if (!Array.isArray(row.candidate_boxes)) return bad('"candidate_boxes" must be a list of {"bbox", "category"}');
  const candidates = row.candidate_boxes.map((c: unknown, i: number) => {
    const box = c as Record<string, unknown> | null;
    if (typeof box !== 'object' || box === null || !isBox(box.bbox)) return bad(`candidate_boxes[${i}].bbox must be a box [x0, y0, x1, y1] of 4 numbers`);
    if (box.category !== undefined && typeof box.category !== 'string') bad(`candidate_boxes[${i}].category must be a string`);
    return { bbox: box.bbox, category: (box.category as string | undefined) ?? 'person' };
  });
  const category = typeof row.category === 'string' ? row.category : (candidates[0]?.category ?? 'person');
  return { imageName: row.image_name as string, ans: row.ans as number[], referring: row.referring as string, category, candidates };
}

const sameBox = (a: readonly number[], b: readonly number[]) => a.every((v, i) => v === b[i]);

export class ToySource implements SampleSource {
  private constructor(
    readonly paths: SplitPaths,
    private readonly lines: string[],
    private readonly offsets: number[],
    private readonly lineNumbers: number[],
  ) {}

  /** Reads the JSONL (one small line per row) and indexes its lines; the images are read one at a time. */
  static async open(paths: SplitPaths): Promise<ToySource> {
    let text: string;
    try {
      text = await readFile(paths.annotationsTsv, 'utf8');
    } catch (error) {
      throw ioError(paths.annotationsTsv, error);
    }
    const lines: string[] = [];
    const offsets: number[] = [];
    const lineNumbers: number[] = [];
    let offset = 0;
    text.split('\n').forEach((line, i) => {
      if (line.trim() !== '') {
        // A BOM some editors write is not part of the first row (its bytes still count in the offsets below).
        lines.push(i === 0 ? line.replace(/^\uFEFF/, '') : line);
        offsets.push(offset);
        lineNumbers.push(i + 1);
      }
      offset += Buffer.byteLength(line) + 1;
    });
    if (lines.length === 0) throw new DataError('empty-file', { file: paths.annotationsTsv }, 'the file holds no rows', 'Give the JSONL file of the custom GRPO format');
    return new ToySource(paths, lines, offsets, lineNumbers);
  }

  get length(): number {
    return this.lines.length;
  }

  annOffset(index: number): number {
    return this.offsets[index];
  }

  /** The 1-based line of row `index` in the file (blank lines are no rows but count as lines). */
  lineOf(index: number): number {
    return this.lineNumbers[index];
  }

  row(index: number): ToyRow {
    const where = { file: this.paths.annotationsTsv, index, offset: this.offsets[index] };
    let value: unknown;
    try {
      value = JSON.parse(this.lines[index]);
    } catch (error) {
      throw new DataError('invalid-json', where, `the line is not JSON (${(error as Error).message})`, 'Fix or remove this row');
    }
    return checkRow(value, where);
  }

  async readAnnotation(index: number): Promise<AnnotationRecord> {
    const row = this.row(index);
    const annOffset = this.offsets[index];
    const targets = row.candidates.flatMap((c, i) => (sameBox(c.bbox, row.ans) ? [i] : []));
    const annotation = {
      gtBoxes: row.candidates.map(({ bbox: [x0, y0, x1, y1] }) => [x0, y0, x1 - x0, y1 - y0] as [number, number, number, number]),
      regionMap: { [row.referring]: targets },
      think: '',
      extra: { source: TOY_SOURCE, image_name: row.imageName, ans: row.ans, category: row.category, hint_category: row.candidates[0]?.category ?? 'person' },
    };
    const files = { annotationsTsv: this.paths.annotationsTsv, imagesTsv: this.paths.imagesTsv };
    return { split: this.paths.name, index, annOffset, imgOffset: annOffset, annotation, files };
  }

  async readSample(index: number): Promise<Sample> {
    const record = await this.readAnnotation(index);
    const file = path.join(this.paths.imagesTsv, String(record.annotation.extra.image_name));
    const where = { file, index };
    let image: Buffer;
    try {
      image = await readFile(file);
    } catch (error) {
      throw ioError(file, error, { index });
    }
    const format = sniffImageFormat(image);
    if (format === null) throw new DataError('not-an-image', where, `the file (${image.length} bytes) is no JPEG, PNG, WebP or GIF (starts with ${hexStart(image)})`, 'Replace the image');
    checkImageSize(image, where, MAX_IMAGE_PIXELS);
    return { ...record, imageKey: String(record.annotation.extra.image_name), image, imageFormat: format };
  }

  async close(): Promise<void> {}
}
