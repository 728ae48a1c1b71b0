// How much a run will write, said before it starts: a 1024² photo makes a ~3 MB PNG, so `--num_vis all` on the
// 45k samples needs ~145 GB. Estimated from the photos of a few selected samples and the output format.
import { statfs, stat } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../errors.js';
import type { OutputFormat } from '../formats.js';
import { readImageHeader } from '../dataset/image-header.js';
import type { SampleRef, SampleSource } from './seams.js';

/**
 * Bytes of a picture per pixel of its photo (the reasoning panel included), measured on the benchmark's
 * 1024² photo-like samples: PNG 3.09 MB, JPEG 0.70 MB, WebP 0.52 MB a picture.
 */
export const BYTES_PER_PHOTO_PIXEL: Readonly<Record<OutputFormat, number>> = { png: 2.95, jpeg: 0.67, webp: 0.5 };
/** A run estimated above this is announced (and always one that needs more than the free space). */
export const LARGE_RUN_BYTES = 2 * 1024 ** 3;
/** Samples whose photos are read for the estimate, spread over the selection. */
const PROBES = 6;

export interface SizeEstimate {
  pictures: number;
  /** Bytes of one picture, and of the viewer's copy of its photo. */
  picture: number;
  photo: number;
  total: number;
  /** Bytes free on the output folder's file system, when it can be asked. */
  free: number | null;
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** The estimate for `refs` in `format`; null when no probed photo could be read (the run will say why). */
export async function estimateRunSize(sources: readonly SampleSource[], refs: readonly SampleRef[], format: OutputFormat, outputDir: string): Promise<SizeEstimate | null> {
  if (refs.length === 0) return null;
  const step = Math.max(1, Math.floor(refs.length / PROBES));
  const pixels: number[] = [];
  const photos: number[] = [];
  for (let i = 0; i < refs.length && pixels.length < PROBES; i += step) {
    const ref = refs[i];
    try {
      const sample = await sources[ref.source].readSample(ref.index);
      const { width, height } = readImageHeader(sample.image);
      pixels.push(width * height);
      photos.push(sample.image.length);
    } catch (error) {
      // A broken sample fails on its own turn, with its message; it just does not count here.
      if (!(error instanceof DataError)) throw error;
    }
  }
  if (pixels.length === 0) return null;
  const picture = mean(pixels) * BYTES_PER_PHOTO_PIXEL[format];
  const photo = mean(photos);
  return { pictures: refs.length, picture, photo, total: (picture + photo) * refs.length, free: await freeBytes(outputDir) };
}

async function freeBytes(dir: string): Promise<number | null> {
  // The folder may not exist yet: its nearest existing parent is on the same file system.
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const found = await stat(at).then((s) => s.isDirectory(), () => false);
    if (found) return statfs(at).then((s) => s.bavail * s.bsize, () => null);
    if (path.dirname(at) === at) return null;
  }
}

/** What to tell the user before a large run, or null for a small one. */
export function sizeNotice(e: SizeEstimate, format: OutputFormat): string | null {
  const tooBig = e.free !== null && e.total > e.free;
  if (e.total < LARGE_RUN_BYTES && !tooBig) return null;
  const free = e.free === null ? '' : `; ${formatBytes(e.free)} are free there${tooBig ? ', so the run would stop when the disk is full' : ''}`;
  const inFormat = (f: OutputFormat) => e.pictures * ((e.picture * BYTES_PER_PHOTO_PIXEL[f]) / BYTES_PER_PHOTO_PIXEL[format] + e.photo);
  const cheaper = (['jpeg', 'webp'] as const).filter((f) => f !== format).map((f) => `--format ${f} about ${formatBytes(inFormat(f))}`);
  const hint = cheaper.length ? ` Smaller: ${cheaper.join(', ')} (the viewer, index.html, shows them alike), or` : ' Smaller:';
  return (
    `${e.pictures} pictures as ${format.toUpperCase()} will take about ${formatBytes(e.total)} in the output folder ` +
    `(about ${formatBytes(e.picture)} a picture and ${formatBytes(e.photo)} for the viewer's copy of its photo)${free}.${hint} fewer samples with --num-vis N`
  );
}

/** Sums the sizes of the pictures a run writes, as they are written, for the summary. */
export class WrittenSize {
  private bytes = 0;
  private count = 0;
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly outputDir: string) {}

  add(file: string): void {
    this.count++;
    const done: Promise<void> = stat(path.join(this.outputDir, file)).then(
      (s) => void (this.bytes += s.size),
      () => undefined,
    ).finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  /** `pictures written: 1.2 GB, 3.1 MB each (estimated 3.0 MB)`. */
  async line(estimate: SizeEstimate | null): Promise<string> {
    await Promise.all(this.pending);
    const each = this.count ? `, ${formatBytes(this.bytes / this.count)} each` : '';
    const guess = estimate ? ` (estimated ${formatBytes(estimate.picture)} each, ${formatBytes(estimate.total)} for all ${estimate.pictures} with the viewer's photos)` : '';
    return `pictures written: ${formatBytes(this.bytes)}${each}${guess}`;
  }
}

/** Smaller runs are not estimated: at ~3 MB a HumanRef picture they write a few hundred MB at most. */
export const ESTIMATE_FROM = 100;

/** Says before a large run how much it will write (on stderr, as a note); returns the estimate for the summary. */
export async function announceSize(
  sources: readonly SampleSource[],
  refs: readonly SampleRef[],
  options: { format: OutputFormat; outputDir: string },
  stderr: { write(text: string): unknown },
): Promise<SizeEstimate | null> {
  if (refs.length < ESTIMATE_FROM) return null;
  const estimate = await estimateRunSize(sources, refs, options.format, options.outputDir);
  const notice = estimate && sizeNotice(estimate, options.format);
  if (notice) stderr.write(`humanref-vis: note: ${notice}\n`);
  return estimate;
}
