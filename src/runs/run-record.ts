// What a run writes to run.json (visualize's and eval's alike): the command line, folder, clock and every option as
// the run uses them; and the few lines of it the viewer's header shows.
import path from 'node:path';
import { describeSplit, RunLogWriter, type RunInfo, type RunStart } from '../outputs/run-info.js';
import type { SampleSource } from '../plumbing/seams.js';
import { isToyFile } from '../sources/toy.js';
import { DEFAULT_TITLE } from '../viewer/writer.js';
import type { SampleChoice } from '../selection/select-samples.js';
import { toolInfo } from '../version.js';

/** For run.json: the arguments and folder cli.ts was given, the options as the user gave them, and the clock (tests fix it). */
export interface RunContext {
  /** The arguments after the program's name, as typed. */
  args: readonly string[];
  cwd: string;
  commandOptions?: Record<string, unknown>;
  clock?: () => Date;
}

/** What run.json records of a run's options (VisualizeOptions and EvalOptions have these). */
export interface RecordedOptions {
  outputDir: string;
  format: string;
  fast: boolean;
  concurrency: number;
  json: boolean;
  /** visualize only. */
  strict?: boolean;
  quiet: boolean;
  selection: SampleChoice<string>;
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

/** Every option as the run uses it: the command's own values, then the resolved ones, then the command's `extra`. */
export function effectiveOptions(options: RecordedOptions, commandOptions: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { selection } = options;
  return {
    ...commandOptions,
    outputDir: path.resolve(options.outputDir),
    format: options.format,
    fast: options.fast,
    concurrency: options.concurrency,
    json: options.json,
    ...(options.strict === undefined ? {} : { strict: options.strict }),
    quiet: options.quiet,
    numVis: selection.numVis,
    seed: selection.seed,
    indices: selection.indices === undefined && !selection.splitIndices ? null : [formatIndices(selection.indices ?? []), ...(selection.splitIndices ?? []).map((x) => `${x.split}:${x.index}`)].filter(Boolean).join(','),
    shard: selection.shard ? `${selection.shard.k}/${selection.shard.n}` : null,
    filter: selection.filter.expression?.source ?? null,
    only: selection.filter.only,
    ...extra,
  };
}

/**
 * The command line, folder and start time of this run. The command line starts with the program's name, not the
 * path it was started from (an npx cache folder), so it can be typed again in `cwd`. Without a context (a library
 * call) it is the program's name alone.
 */
export function startOf(context: RunContext | undefined): { argv: readonly string[]; cwd: string; started: Date } {
  return { argv: [toolInfo().name, ...(context?.args ?? [])], cwd: context?.cwd ?? path.resolve(), started: clockOf(context)() };
}

export function clockOf(context: RunContext | undefined): () => Date {
  return context?.clock ?? (() => new Date());
}

/**
 * Writes run.json with this run appended (before anything is rendered or read: a run killed later still leaves its
 * record). `more`: what only some commands record (eval's command name and inputs, its own options).
 */
export function openRunRecord(
  options: RecordedOptions,
  sources: readonly SampleSource[],
  context: RunContext | undefined,
  warn: (message: string) => void,
  more: { extraOptions?: Record<string, unknown> } & Pick<RunStart, 'command' | 'inputs'> = {},
): Promise<RunLogWriter> {
  const { extraOptions, ...rest } = more;
  return RunLogWriter.open(
    options.outputDir,
    {
      ...startOf(context),
      seed: options.selection.seed,
      options: effectiveOptions(options, context?.commandOptions, extraOptions),
      splits: sources.map((s) => describeSplit(s.paths, s.length)),
      ...rest,
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
  const inputs = info.inputs ?? [];
  const truth = inputs.filter((i) => i.role !== 'predictions').map((i) => `${i.role === 'images' ? 'images' : 'ground truth'} ${i.path}`);
  const predictions = inputs.filter((i) => i.role === 'predictions').map((i) => `${i.model}: ${i.path}`);
  const data = [
    ...info.splits.map((s) => `${s.name}: ${s.annotationsTsv.path} (${s.samples} samples), images ${s.imagesTsv.path}`),
    ...(truth.length ? [truth.join(', ')] : []),
    ...(predictions.length ? [`predictions ${predictions.join(', ')}`] : []),
  ];
  return {
    run: info.id,
    tool: `${info.tool.name} ${info.tool.version}`,
    command: commandLine(info.argv),
    cwd: info.cwd,
    seed: String(info.seed),
    data: data.join('; '),
    details: info.command === 'eval' ? 'run.json, metrics.json' : 'run.json',
  };
}

/** The viewer's title: what the run shows, by the kind of its splits (custom GRPO files named by their split). */
export function viewerTitle(sources: readonly Pick<SampleSource, 'paths'>[]): string {
  const custom = sources.filter((s) => isToyFile(s.paths.annotationsTsv)).map((s) => s.paths.name);
  if (custom.length === 0) return DEFAULT_TITLE;
  return custom.length === sources.length ? `custom GRPO samples: ${custom.join(', ')}` : `HumanRef-CoT and custom GRPO samples (${custom.join(', ')})`;
}
