// Turns the user's data options into split file paths: explicit files, a data folder, the usual folders, or the bundled sample.
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { checkInputFile } from './input-file.js';
import { DEFAULT_DIRS, findFolder, nearbyAnnotations, pointAtNearby } from './nearby.js';
import type { SplitPaths } from '../types.js';

export interface DatasetSelection {
  imgTsv?: string;
  annTsv?: string;
  annLineidx?: string;
  dataDir?: string;
  split?: 'main' | 'rejection' | 'all';
}

/** fixtures/sample of the installed package: dist/dataset/locate.js (or src/dataset/locate.ts) -> ../../fixtures/sample. */
export const BUNDLED_SAMPLE_DIR: string = fileURLToPath(new URL('../../fixtures/sample', import.meta.url));

const STANDARD_PREFIX = { main: 'humanref_cot', rejection: 'humanref_cot_rejection' } as const;
const ANN_SUFFIX = '.annotations.tsv';

/** `humanref_cot` -> main, `humanref_cot_rejection` -> rejection, else the annotations file stem (a custom GRPO JSONL's without `.json`/`.jsonl`). */
export function splitName(annotationsTsv: string): string {
  const file = basename(annotationsTsv);
  const stem = file.endsWith(ANN_SUFFIX) ? file.slice(0, -ANN_SUFFIX.length) : file.replace(/\.(tsv|jsonl?)$/i, '');
  if (stem === STANDARD_PREFIX.main) return 'main';
  if (stem === STANDARD_PREFIX.rejection) return 'rejection';
  return stem;
}

export interface ResolvedSplits {
  splits: SplitPaths[];
  /** No data option and nothing at the default places: the bundled sample stands in. */
  bundled: boolean;
  /** With the bundled sample: annotations TSVs found near the default places, not used (relative to cwd). */
  nearby?: string[];
}

/** Resolves the selection to existing split files; throws UsageError naming any path the user gave that is missing. */
export function resolveSplits(sel: DatasetSelection, cwd: string = process.cwd()): ResolvedSplits {
  const explicit = sel.imgTsv !== undefined || sel.annTsv !== undefined || sel.annLineidx !== undefined;
  if (explicit) {
    if (sel.dataDir !== undefined) throw new UsageError('give either --data-dir or --img-tsv/--ann-tsv, not both');
    if (sel.split !== undefined) throw new UsageError('--split picks files inside --data-dir; with --ann-tsv the split is that file');
    return { splits: [explicitSplit(sel, cwd)], bundled: false };
  }
  if (sel.dataDir !== undefined) {
    const dir = resolve(cwd, sel.dataDir);
    if (!existsSync(dir)) throw new UsageError(`--data-dir ${sel.dataDir}: no such directory`);
    if (!statSync(dir).isDirectory()) throw new UsageError(`--data-dir ${sel.dataDir}: not a directory`);
    return { splits: splitsInDir(dir, sel.split ?? 'all'), bundled: false };
  }
  for (const candidate of DEFAULT_DIRS) {
    const dir = findFolder(cwd, candidate);
    if (!dir) continue;
    if (!readdirSync(dir).some((f) => f.endsWith(ANN_SUFFIX))) {
      const found = nearbyAnnotations(cwd);
      throw new UsageError(`${dir} (a default place of the dataset) holds no *${ANN_SUFFIX}${found.length ? `; ${pointAtNearby(found)}` : '; put the dataset files there, or give --data-dir'}`);
    }
    return { splits: splitsInDir(dir, sel.split ?? 'all'), bundled: false };
  }
  if (!existsSync(BUNDLED_SAMPLE_DIR)) {
    throw new UsageError(
      `no dataset given (--data-dir, or --img-tsv with --ann-tsv), none found in ${DEFAULT_DIRS.join(' or ')}, and the bundled sample ${BUNDLED_SAMPLE_DIR} is missing (reinstall humanref-vis)`,
    );
  }
  return { splits: splitsInDir(BUNDLED_SAMPLE_DIR, sel.split ?? 'all'), bundled: true, nearby: nearbyAnnotations(cwd) };
}

function explicitSplit(sel: DatasetSelection, cwd: string): SplitPaths {
  if (sel.annTsv === undefined) throw new UsageError('--img-tsv and --ann-lineidx need --ann-tsv too');
  const annotationsTsv = checkInputFile(resolve(cwd, sel.annTsv), '--ann-tsv', sel.annTsv);
  let imgTsv = sel.imgTsv;
  if (imgTsv === undefined) {
    // The two files of a split share a stem: x.annotations.tsv pairs with x.images.tsv.
    if (!annotationsTsv.endsWith(ANN_SUFFIX)) throw new UsageError('--ann-tsv needs --img-tsv too (the images file of the same split)');
    imgTsv = annotationsTsv.slice(0, -ANN_SUFFIX.length) + '.images.tsv';
    if (!existsSync(imgTsv)) throw new UsageError(`--ann-tsv given without --img-tsv, and ${imgTsv} does not exist: pass --img-tsv`);
  }
  // Upstream's custom GRPO JSONL names its images folder with --img-tsv: a folder is right there.
  const custom = /\.jsonl?$/i.test(annotationsTsv);
  const imagesTsv = custom ? resolve(cwd, imgTsv) : checkInputFile(resolve(cwd, imgTsv), '--img-tsv', imgTsv);
  checkNotSwapped(annotationsTsv, imagesTsv, sel.annTsv, imgTsv);
  let annotationsLineidx: string | null;
  if (sel.annLineidx !== undefined) annotationsLineidx = checkInputFile(resolve(cwd, sel.annLineidx), '--ann-lineidx', sel.annLineidx);
  else annotationsLineidx = existsSync(annotationsTsv + '.lineidx') ? annotationsTsv + '.lineidx' : null;
  return { name: splitName(annotationsTsv), imagesTsv, annotationsTsv, annotationsLineidx };
}

/** What the first line of a TSV looks like: `<offset>\t{json}` (annotations) or `<key>\t<base64>` (images). */
function sniffKind(file: string): 'annotations' | 'images' | undefined {
  let fd: number | undefined;
  try {
    if (!statSync(file).isFile()) return undefined;
    fd = openSync(file, 'r');
    const head = Buffer.alloc(4096);
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('latin1');
    const tab = text.indexOf('\t');
    if (tab === -1 || text.slice(0, tab).includes('\n')) return undefined;
    const rest = text.slice(tab + 1).trimStart();
    if (rest.startsWith('{')) return 'annotations';
    return /^(b')?[A-Za-z0-9+/]{16}/.test(rest) ? 'images' : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** --img-tsv and --ann-tsv given the other way round: said as such, with the command line that works. */
function checkNotSwapped(annotationsTsv: string, imagesTsv: string, annGiven: string, imgGiven: string): void {
  const byName = basename(annotationsTsv).includes('.images.') && basename(imagesTsv).includes('.annotations.');
  const annKind = sniffKind(annotationsTsv);
  const imgKind = sniffKind(imagesTsv);
  if (byName || (annKind === 'images' && imgKind === 'annotations')) {
    throw new UsageError(`--ann-tsv ${annGiven} and --img-tsv ${imgGiven} are swapped (the first is an images TSV, the second an annotations TSV): use --ann-tsv ${imgGiven} --img-tsv ${annGiven}`);
  }
  if (annKind === 'images') {
    throw new UsageError(`--ann-tsv ${annGiven} is an images TSV (key, tab, base64), not an annotations TSV (offset, tab, JSON): give the annotations file of the split`);
  }
}

/** The split whose files are `<dir>/<prefix>.{images,annotations}.tsv[.lineidx]`. */
function splitFromPrefix(dir: string, prefix: string): SplitPaths {
  const annotationsTsv = join(dir, prefix + ANN_SUFFIX);
  const lineidx = annotationsTsv + '.lineidx';
  return {
    name: splitName(annotationsTsv),
    imagesTsv: join(dir, prefix + '.images.tsv'),
    annotationsTsv,
    annotationsLineidx: existsSync(lineidx) ? lineidx : null,
  };
}

function splitsInDir(dir: string, split: 'main' | 'rejection' | 'all'): SplitPaths[] {
  if (split !== 'all') {
    const paths = splitFromPrefix(dir, STANDARD_PREFIX[split]);
    for (const file of [paths.annotationsTsv, paths.imagesTsv]) {
      if (!existsSync(file)) throw new UsageError(`--split ${split}: ${file} does not exist`);
    }
    return [paths];
  }
  // Standard splits first (main, rejection), then any other `<stem>.annotations.tsv`, by name.
  const others = readdirSync(dir)
    .filter((f) => f.endsWith(ANN_SUFFIX))
    .map((f) => f.slice(0, -ANN_SUFFIX.length))
    .filter((stem) => stem !== STANDARD_PREFIX.main && stem !== STANDARD_PREFIX.rejection)
    .sort();
  const splits: SplitPaths[] = [];
  for (const prefix of [STANDARD_PREFIX.main, STANDARD_PREFIX.rejection, ...others]) {
    const paths = splitFromPrefix(dir, prefix);
    if (!existsSync(paths.annotationsTsv)) continue;
    if (!existsSync(paths.imagesTsv)) throw new UsageError(`${paths.annotationsTsv} has no images file next to it: ${paths.imagesTsv} does not exist`);
    splits.push(paths);
  }
  if (splits.length === 0) {
    throw new UsageError(`${dir}: no dataset files (expected ${STANDARD_PREFIX.main}${ANN_SUFFIX} and ${STANDARD_PREFIX.main}.images.tsv)`);
  }
  return splits;
}
