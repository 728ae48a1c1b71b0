// What eval adds to run.json (the same log and options as visualize's: its inputs and models), and how an earlier eval's metrics and records are kept
// when a second eval writes into the same folder.
import { lstat, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { earlierState, readPlainFile } from '../fs/earlier-file.js';
import { fileInfo, type RunLogWriter, type RunInput } from '../outputs/run-info.js';
import { openRunRecord, type RunContext } from './run-record.js';
import type { EvalOptions } from '../eval/options.js';

/** The files a second eval would replace: kept under `earlier/<run id>/` first. */
export const EVAL_OUTPUTS = ['metrics.json', 'metrics.md', 'samples.jsonl'] as const;
export const EARLIER_DIR = 'earlier';

/** The ground truth, images folder and prediction files, with their sizes. */
export function evalInputs(options: EvalOptions): RunInput[] {
  const gt = options.groundTruth;
  const inputs: RunInput[] = [];
  if (gt.kind === 'jsonl') {
    inputs.push({ role: 'ground-truth', ...fileInfo(gt.file) });
    if (gt.imagesDir !== null) inputs.push({ role: 'images', path: path.resolve(gt.imagesDir), size: null });
  }
  for (const m of options.models) inputs.push({ role: 'predictions', ...fileInfo(m.file), model: m.name });
  return inputs;
}

/** Writes run.json with this eval appended, before anything is read: the options every run records, and eval's own. */
export function openEvalRunRecord(options: EvalOptions, context: RunContext | undefined, warn: (message: string) => void): Promise<RunLogWriter> {
  const gt = options.groundTruth;
  const extraOptions = { models: options.models.map((m) => m.name), pictures: options.pictures, worst: options.selection.worst ?? null };
  return openRunRecord(options, gt.kind === 'dataset' ? gt.sources : [], context, warn, { command: 'eval', inputs: evalInputs(options), extraOptions });
}

/** A metrics.json larger than this is not read for its run id (ours are a few KB). */
const METRICS_MAX_BYTES = 16 * 1024 * 1024;
/** Run ids are ISO times (24 characters); a longer one read back is cut, so a folder name stays far below NAME_MAX. */
const MAX_RUN_ID = 100;

/** The id of the run that wrote the folder's metrics.json (its `run` field), else the oldest of the files' times. */
async function earlierRunId(dir: string, present: readonly string[]): Promise<string> {
  const file = path.join(dir, 'metrics.json');
  try {
    if ((await earlierState(file, METRICS_MAX_BYTES)).kind === 'file') {
      const doc = JSON.parse((await readPlainFile(file)).toString('utf8')) as { run?: unknown } | null;
      if (typeof doc?.run === 'string' && doc.run !== '') return doc.run.slice(0, MAX_RUN_ID);
    }
  } catch {
    // Unreadable, or not ours: the files' own times name the run.
  }
  const times = await Promise.all(present.map(async (f) => (await lstat(path.join(dir, f))).mtimeMs));
  return new Date(Math.min(...times)).toISOString();
}

/** A folder name from a run id: `2026-12-01T02:37:19.000Z` -> `2026-12-01T02-37-19.000Z`; at most MAX_RUN_ID characters. */
export function runFolderName(id: string): string {
  const safe = id.slice(0, MAX_RUN_ID).replaceAll(':', '-').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return safe === '' ? 'run' : safe;
}

/**
 * Moves an earlier eval's metrics.json, metrics.md and samples.jsonl into `earlier/<its run id>/` (a folder created
 * for them, so nothing there is overwritten; `-2`, `-3` ... when one of that name exists). Each move is a rename
 * inside the output folder. Returns the folder, or null when there was nothing to keep.
 */
export async function keepEarlierOutputs(dir: string): Promise<string | null> {
  const present: string[] = [];
  // Whatever is at a name (a file, or a folder, FIFO or link put there) is moved with the rest, never replaced.
  for (const name of EVAL_OUTPUTS) {
    if (await lstat(path.join(dir, name)).then(() => true, () => false)) present.push(name);
  }
  if (present.length === 0) return null;
  const base = runFolderName(await earlierRunId(dir, present));
  // A symlink planted at earlier/ would carry the moved files out of the output folder.
  const existing = await lstat(path.join(dir, EARLIER_DIR)).catch(() => null);
  if (existing && !existing.isDirectory()) {
    throw new Error(`${path.join(dir, EARLIER_DIR)} is ${existing.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}`);
  }
  await mkdir(path.join(dir, EARLIER_DIR), { recursive: true });
  for (let n = 1; ; n++) {
    const target = path.join(dir, EARLIER_DIR, n === 1 ? base : `${base}-${n}`);
    try {
      // Not recursive: EEXIST means the name is taken, and the next one is tried.
      await mkdir(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && n < 1000) continue;
      throw error;
    }
    for (const name of present) await rename(path.join(dir, name), path.join(target, name));
    return target;
  }
}
