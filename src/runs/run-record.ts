// What visualize writes to run.json: the command line, folder, clock and every option as the run uses them.
import path from 'node:path';
import { describeSplit, RunLogWriter, type RunInfo } from '../outputs/run-info.js';
import type { SampleSource } from '../plumbing/seams.js';
import type { Shard } from '../selection/sampling.js';

/** For run.json: the command line, folder, the options as the user gave them, and the clock (tests fix it). */
export interface RunContext {
  argv?: readonly string[];
  cwd?: string;
  commandOptions?: Record<string, unknown>;
  clock?: () => Date;
}

/** What run.json records of a run's options (VisualizeOptions has these). */
export interface RecordedOptions {
  outputDir: string;
  format: string;
  fast: boolean;
  concurrency: number;
  json: boolean;
  strict: boolean;
  quiet: boolean;
  selection: { numVis: number | 'all'; seed: number; indices?: readonly number[]; splitIndices?: readonly { split: string; index: number }[]; shard?: Shard; filter: { expression?: RegExp; only: readonly string[] } };
}

/** Ascending indices as `0,5,10-20`. */
export function formatIndices(indices: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < indices.length; i++) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
    parts.push(j > i ? `${indices[i]}-${indices[j]}` : String(indices[i]));
    i = j;
  }
  return parts.join(',');
}

/** Every option as the run uses it: the command's own values, then the resolved ones. */
export function effectiveOptions(options: RecordedOptions, commandOptions: Record<string, unknown> = {}): Record<string, unknown> {
  const { selection } = options;
  return {
    ...commandOptions,
    outputDir: path.resolve(options.outputDir),
    format: options.format,
    fast: options.fast,
    concurrency: options.concurrency,
    json: options.json,
    strict: options.strict,
    quiet: options.quiet,
    numVis: selection.numVis,
    seed: selection.seed,
    indices: selection.indices === undefined && !selection.splitIndices ? null : [formatIndices(selection.indices ?? []), ...(selection.splitIndices ?? []).map((x) => `${x.split}:${x.index}`)].filter(Boolean).join(','),
    shard: selection.shard ? `${selection.shard.k}/${selection.shard.n}` : null,
    filter: selection.filter.expression?.source ?? null,
    only: selection.filter.only,
  };
}

/** The command line, folder and start time of this run (the context's, in tests; the process's otherwise). */
export function startOf(context: RunContext): { argv: readonly string[]; cwd: string; started: Date } {
  return { argv: context.argv ?? process.argv.slice(1), cwd: context.cwd ?? process.cwd(), started: (context.clock ?? (() => new Date()))() };
}

/** Writes run.json with this run appended (before anything is rendered: a run killed later still leaves its record). */
export function openRunRecord(options: RecordedOptions, sources: readonly SampleSource[], context: RunContext, warn: (message: string) => void): Promise<RunLogWriter> {
  return RunLogWriter.open(
    options.outputDir,
    {
      ...startOf(context),
      seed: options.selection.seed,
      options: effectiveOptions(options, context.commandOptions),
      splits: sources.map((s) => describeSplit(s.paths, s.length)),
    },
    warn,
  );
}

/** A command line as one would type it again in a POSIX shell. */
export function commandLine(argv: readonly string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`);
  return argv.map(quote).join(' ');
}

/** What the viewer's header lists of a run: a few readable lines (run.json has everything). */
export function viewerRunInfo(info: RunInfo): Record<string, string> {
  return {
    run: info.id,
    tool: `${info.tool.name} ${info.tool.version}`,
    command: commandLine(info.argv),
    cwd: info.cwd,
    seed: String(info.seed),
    data: info.splits.map((s) => `${s.name}: ${s.annotationsTsv.path} (${s.samples} samples), images ${s.imagesTsv.path}`).join('; '),
    details: 'run.json',
  };
}
