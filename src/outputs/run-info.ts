// run.json: what made the pictures in this folder (tool version, command line, seed, options, dataset files), one
// entry per run into the folder, newest last, so a picture can be reproduced months later.
import { statSync } from 'node:fs';
import { readEarlierFile } from '../fs/earlier-file.js';
import path from 'node:path';
import type { SplitPaths } from '../types.js';
import { toJson } from '../json.js';
import { toolInfo } from '../version.js';
import { writeFileAtomic } from '../fs/atomic-write.js';

export const RUN_FILE = 'run.json';
/** An entry is ~2 KB: this is thousands of runs. */
const RUN_LOG_MAX_BYTES = 32 * 1024 * 1024;

/** A dataset file as the run read it. */
export interface RunFile {
  path: string;
  /** Bytes, or null when the file could not be looked at. */
  size: number | null;
}

export interface RunSplit {
  name: string;
  annotationsTsv: RunFile;
  /** Null when there was none (the index was built in memory). */
  annotationsLineidx: RunFile | null;
  imagesTsv: RunFile;
  samples: number;
}

/** An input of an eval run as it was read: a file with its size, or the images folder (size null). */
export interface RunInput {
  role: 'ground-truth' | 'images' | 'predictions';
  path: string;
  /** Bytes, or null for a folder or a file that could not be looked at. */
  size: number | null;
  /** The model's name, for prediction files. */
  model?: string;
}

/** One run into the output folder. */
export interface RunInfo {
  /** The run's id: its start time, ISO 8601 UTC; the `run` column of manifest.csv names it. */
  id: string;
  tool: { name: string; version: string };
  /** The command line as one would type it again in `cwd`: `humanref-vis`, then every argument as given. */
  argv: string[];
  cwd: string;
  startedAt: string;
  /** Null while the run is going on, or when it was killed before it could finish. */
  endedAt: string | null;
  seed: number;
  /** Every option as the run used it (defaults filled in, paths resolved). */
  options: Record<string, unknown>;
  splits: RunSplit[];
  /** Null until the run ends. */
  counts: { selected: number; rendered: number; failed: number } | null;
  /** The exit code, or null until the run ends. */
  exitCode: number | null;
  node: string;
  platform: string;
  /** The command that made the run; absent for visualize runs (run.json had no such field before eval wrote one). */
  command?: 'visualize' | 'eval' | 'export';
  /** Eval only: the ground truth, images folder and prediction files it read. */
  inputs?: RunInput[];
}

/** The content of run.json. */
export interface RunLog {
  runs: RunInfo[];
}

export function fileInfo(file: string): RunFile {
  const resolved = path.resolve(file);
  try {
    return { path: resolved, size: statSync(resolved).size };
  } catch {
    return { path: resolved, size: null };
  }
}

export function describeSplit(paths: SplitPaths, samples: number): RunSplit {
  return {
    name: paths.name,
    annotationsTsv: fileInfo(paths.annotationsTsv),
    annotationsLineidx: paths.annotationsLineidx === null ? null : fileInfo(paths.annotationsLineidx),
    imagesTsv: fileInfo(paths.imagesTsv),
    samples,
  };
}

export interface RunStart {
  argv: readonly string[];
  cwd: string;
  started: Date;
  seed: number;
  options: Record<string, unknown>;
  splits: RunSplit[];
  command?: RunInfo['command'];
  inputs?: RunInput[];
}

export function startRunInfo(start: RunStart): RunInfo {
  const startedAt = start.started.toISOString();
  const info: RunInfo = {
    id: startedAt,
    tool: toolInfo(),
    argv: [...start.argv],
    cwd: start.cwd,
    startedAt,
    endedAt: null,
    seed: start.seed,
    options: start.options,
    splits: start.splits,
    counts: null,
    exitCode: null,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
  // Only when given, so visualize's entries keep the shape they always had.
  if (start.command !== undefined) info.command = start.command;
  if (start.inputs !== undefined) info.inputs = start.inputs;
  return info;
}

/** Reads the earlier runs of a folder; a run.json that is not ours (or broken) is moved aside, never lost. */
export function readRunLog(dir: string, onWarning: (message: string) => void): Promise<RunInfo[]> {
  return readEarlierFile<RunInfo[]>(
    {
      dir,
      name: RUN_FILE,
      parse: (text, drop) => {
        const log = JSON.parse(text) as { runs?: unknown };
        if (log === null || typeof log !== 'object' || !Array.isArray(log.runs)) throw new Error('no "runs" list');
        // Each entry is a record of its own: one that is not an object is left out, the others kept.
        return log.runs.filter((run, i) => {
          const ok = run !== null && typeof run === 'object' && !Array.isArray(run);
          if (!ok) drop(`runs[${i}] (not an object)`);
          return ok;
        }) as RunInfo[];
      },
      empty: [],
      asideName: (stamp) => `run.unreadable-${stamp}.json`,
      what: 'the run log',
      maxBytes: RUN_LOG_MAX_BYTES,
    },
    onWarning,
  );
}

/** The run log of a folder: written when the run starts (endedAt null) and again when it ends. */
export class RunLogWriter {
  private constructor(
    private readonly dir: string,
    private readonly earlier: readonly RunInfo[],
    readonly current: RunInfo,
  ) {}

  /** Reads the earlier runs and writes run.json with this run appended (newest last). */
  static async open(dir: string, start: RunStart, onWarning: (message: string) => void): Promise<RunLogWriter> {
    const writer = new RunLogWriter(dir, await readRunLog(dir, onWarning), startRunInfo(start));
    await writer.write();
    return writer;
  }

  private async write(): Promise<void> {
    const log: RunLog = { runs: [...this.earlier, this.current] };
    await writeFileAtomic(this.dir, RUN_FILE, toJson(log, 2) + '\n');
  }

  async finish(ended: Date, counts: NonNullable<RunInfo['counts']>, exitCode: number): Promise<void> {
    Object.assign(this.current, { endedAt: ended.toISOString(), counts, exitCode });
    await this.write();
  }
}
