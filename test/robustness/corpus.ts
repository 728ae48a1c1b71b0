// The fixture samples as raw lines, to assemble (possibly mutated) splits with the shared writer (test/tsv.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation } from '../../src/types.js';
import { ROOT } from '../cli.js';

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

/** The usual annotation line: `<offset>\t<json>`. */
export function plainAnnotation(json: Buffer): (imgOffset: number) => Buffer {
  return (imgOffset) => Buffer.concat([Buffer.from(`${imgOffset}\t`), json]);
}

// The shared TSV writer and temp folders, re-exported for the robustness suites.
export { writeEntries, type Entry, type WrittenSplit } from '../tsv.js';
export { ROOT, tempDir } from '../cli.js';

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
