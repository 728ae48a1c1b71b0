// The fixture samples as raw lines, and a writer for splits assembled from (possibly mutated) lines.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Annotation, SplitPaths } from '../../src/types.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURE_SAMPLE_DIR = join(ROOT, 'fixtures/sample');

/** One fixture sample: its annotation JSON text and image line exactly as stored, and what the reader must make of them. */
export interface CorpusSample {
  split: string;
  index: number;
  /** The JSON column of the annotation line (bytes after the tab, no newline). */
  json: Buffer;
  /** The whole image line, no newline. */
  imageLine: Buffer;
  key: string;
  image: Buffer;
  annotation: Pick<Annotation, 'gtBoxes' | 'regionMap' | 'think'>;
}

function lines(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, start)) {
    out.push(bytes.subarray(start, at));
    start = at + 1;
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

function loadSplit(prefix: string, split: string): CorpusSample[] {
  const ann = readFileSync(join(FIXTURE_SAMPLE_DIR, `${prefix}.annotations.tsv`));
  const img = readFileSync(join(FIXTURE_SAMPLE_DIR, `${prefix}.images.tsv`));
  return lines(ann).map((line, index) => {
    const tab = line.indexOf(0x09);
    const imgOffset = Number(line.toString('latin1', 0, tab));
    const end = img.indexOf(0x0a, imgOffset);
    const imageLine = img.subarray(imgOffset, end === -1 ? img.length : end);
    const keyEnd = imageLine.indexOf(0x09);
    let b64 = imageLine.toString('latin1', keyEnd + 1);
    if (b64.startsWith("b'")) b64 = b64.slice(2, -1);
    const json = line.subarray(tab + 1);
    const parsed = JSON.parse(json.toString('utf8'));
    return {
      split,
      index,
      json,
      imageLine,
      key: imageLine.toString('utf8', 0, keyEnd),
      image: Buffer.from(b64, 'base64'),
      annotation: { gtBoxes: parsed.gt_boxes, regionMap: parsed.region_map, think: parsed.think },
    };
  });
}

/** Every sample of the bundled fixture dataset (main, then rejection). */
export function loadCorpus(): CorpusSample[] {
  return [...loadSplit('humanref_cot', 'main'), ...loadSplit('humanref_cot_rejection', 'rejection')];
}

/** One sample of a split being assembled: the annotation line is built once its image line's offset is known. */
export interface Entry {
  annotationLine(imgOffset: number, imagesSize: number): Buffer;
  imageLine: Buffer;
  /** false: the line's newline is dropped, so it runs into the next line ("lines joined"). */
  annNewline?: boolean;
  imgNewline?: boolean;
}

export interface WrittenSplit extends SplitPaths {
  /** Where each sample's annotation line starts (what the .lineidx says). */
  annOffsets: number[];
  /** Where each sample's image line really starts. */
  imgOffsets: number[];
  imagesSize: number;
}

/** The usual annotation line: `<offset>\t<json>`. */
export function plainAnnotation(json: Buffer): (imgOffset: number) => Buffer {
  return (imgOffset) => Buffer.concat([Buffer.from(`${imgOffset}\t`), json]);
}

/** Writes `<prefix>.{images,annotations}.tsv` and the annotations .lineidx (unless lineidx is false). */
export async function writeEntries(dir: string, prefix: string, entries: readonly Entry[], options: { lineidx?: boolean } = {}): Promise<WrittenSplit> {
  const nl = Buffer.from('\n');
  const imgParts: Buffer[] = [];
  const imgOffsets: number[] = [];
  let position = 0;
  // Images in reverse order, so an offset that is off by a line still lands on some other sample's line.
  for (let i = entries.length - 1; i >= 0; i--) {
    imgOffsets[i] = position;
    const parts = entries[i].imgNewline === false ? [entries[i].imageLine] : [entries[i].imageLine, nl];
    imgParts.push(...parts);
    position += parts.reduce((n, p) => n + p.length, 0);
  }
  const imagesSize = position;
  const annParts: Buffer[] = [];
  const annOffsets: number[] = [];
  position = 0;
  entries.forEach((entry, i) => {
    const line = entry.annotationLine(imgOffsets[i], imagesSize);
    annOffsets.push(position);
    annParts.push(line);
    position += line.length;
    if (entry.annNewline !== false) {
      annParts.push(nl);
      position += 1;
    }
  });
  const split: WrittenSplit = {
    name: prefix,
    imagesTsv: join(dir, `${prefix}.images.tsv`),
    annotationsTsv: join(dir, `${prefix}.annotations.tsv`),
    annotationsLineidx: options.lineidx === false ? null : join(dir, `${prefix}.annotations.tsv.lineidx`),
    annOffsets,
    imgOffsets,
    imagesSize,
  };
  await writeFile(split.imagesTsv, Buffer.concat(imgParts));
  await writeFile(split.annotationsTsv, Buffer.concat(annParts));
  if (split.annotationsLineidx) await writeFile(split.annotationsLineidx, annOffsets.map((o) => `${o}\n`).join(''));
  return split;
}

export async function tempDir(label: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `humanref-vis-${label}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The project's seeded PRNG, so fuzz runs replay from their seed. */
export { mulberry32 as prng } from '../../src/selection/sampling.js';

/** A seed for this run: fixed in CI for reproducible failures, overridable with HUMANREF_FUZZ_SEED to explore. */
export function fuzzSeed(fallback: number): number {
  const given = process.env.HUMANREF_FUZZ_SEED;
  return given && /^\d+$/.test(given) ? Number(given) : fallback;
}

/** Rejects with a message naming `what` if `promise` has not settled after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
