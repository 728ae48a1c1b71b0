// The kinds of failure and the exit code each ends with: usage (2), data (1; a bad sample, the run goes on),
// output (1; the output folder stopped taking files), internal (70; a bug), and the codes of an interrupt.

/** Every exit code humanref-vis ends with; cli.ts is the only place that hands one to the process. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70, sigint: 130, sigpipe: 141, sigterm: 143 } as const;

/** The commands whose --help lists the exit codes (exit 1 means something different to each). */
export type ExitCommand = 'visualize' | 'eval' | 'export' | 'validate' | 'stats';

/**
 * What each exit code means: the one table that --help (exitCodesHelp) and docs/exit-codes.md (exitCodesMarkdown,
 * a test keeps the file equal to it) are made from. `short` is the --help wording, `long` the documentation's.
 */
export const EXIT_CODES: readonly { code: number; short: string; long: string; per?: Partial<Record<ExitCommand, { short: string; long: string }>> }[] = [
  { code: EXIT.ok, short: 'ok', long: 'success (findings and warnings allowed unless `--strict`)' },
  {
    code: EXIT.failed,
    short: 'something failed (the rest is written)',
    long: 'something failed, and everything else was still done and written',
    per: {
      visualize: { short: 'a sample failed (the others are rendered) or warnings with --strict', long: 'visualize: a sample failed (every other sample was still rendered), warnings under `--strict`, or the output folder stopped taking files' },
      eval: { short: 'bad lines were skipped or a picture failed (the rest is written)', long: 'eval: bad lines of the ground truth or predictions were skipped, or a picture failed (metrics, records and the other pictures are written)' },
      export: { short: 'a sample failed (skipped, the others exported)', long: 'export: a sample could not be read or written (it is skipped and counted; every other kept sample was exported)' },
      validate: { short: 'a sample is broken, or has findings with --strict', long: 'validate: a sample is broken (cannot be read or rendered), or has findings under `--strict`' },
      stats: { short: 'a sample could not be read (it is left out of the counts)', long: 'stats: a sample could not be read (it is left out of the counts)' },
    },
  },
  { code: EXIT.usage, short: 'usage error', long: 'usage error: a bad option, a path that does not exist, an index out of range, an unusable output folder; nothing was written' },
  { code: EXIT.internal, short: 'a bug (please report it)', long: 'a bug in humanref-vis (the message asks you to report it, with its text)' },
  { code: EXIT.sigint, short: 'Ctrl-C', long: 'interrupted by Ctrl-C, after what was done is written (a second Ctrl-C stops at once)' },
  { code: EXIT.sigpipe, short: 'stdout closed by its reader', long: 'stdout was closed by its reader (a pager or `head` that quit); the run stopped as after Ctrl-C' },
  { code: EXIT.sigterm, short: 'SIGTERM', long: 'ended by SIGTERM, after what was done is written' },
];

/** The `Exit codes:` line of a command's --help. */
export function exitCodesHelp(command: ExitCommand): string {
  return `Exit codes: ${EXIT_CODES.map((e) => `${e.code} ${e.per?.[command]?.short ?? e.short}`).join('; ')}.`;
}

/** The table of docs/exit-codes.md: one row per code, exit 1's meaning per command. */
export function exitCodesMarkdown(): string {
  const rows = EXIT_CODES.flatMap((e) => (e.per ? Object.values(e.per).map((p) => `| ${e.code} | ${p.long} |`) : [`| ${e.code} | ${e.long} |`]));
  return ['| code | meaning |', '|---|---|', ...rows].join('\n') + '\n';
}

/** 128 + signal number, as shells report it; a closed stdout counts as SIGPIPE. */
export function exitCodeForSignal(reason: unknown): number {
  return reason === 'SIGTERM' ? EXIT.sigterm : reason === 'EPIPE' ? EXIT.sigpipe : EXIT.sigint;
}

/** The user asked for something impossible: a missing path, a bad option value. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode: number = EXIT.usage;
}

/** Machine-readable kind of a data problem, stable for tests and `--json` output. */
export type DataErrorCode =
  | 'empty-file'
  | 'lfs-pointer'
  | 'missing-file'
  | 'bad-lineidx'
  | 'index-out-of-range'
  | 'offset-past-eof'
  | 'offset-not-line-start'
  | 'line-too-long'
  | 'column-count'
  | 'bad-offset-field'
  | 'invalid-json'
  | 'wrong-type'
  | 'bad-base64'
  | 'not-an-image'
  | 'image-too-large'
  | 'image-decode'
  | 'drawing-thread'
  | 'no-reasoning'
  | 'io';

/** Where a data problem sits: always the file, and the sample index and byte offset when known. */
export interface DataLocation {
  file: string;
  index?: number;
  offset?: number;
}

/**
 * One bad sample (or one unreadable file). The message is one line a person can act on:
 * `<file>: sample <i> at byte <offset>: <problem>. <what to do>`
 */
export class DataError extends Error {
  override readonly name = 'DataError';
  readonly exitCode: number = EXIT.failed;
  constructor(
    readonly code: DataErrorCode,
    readonly where: DataLocation,
    readonly problem: string,
    readonly hint: string = '',
  ) {
    super(formatDataMessage(where, problem, hint));
  }
}

export function formatDataMessage(where: DataLocation, problem: string, hint: string): string {
  const parts = [where.file];
  if (where.index !== undefined) parts.push(`sample ${where.index}`);
  if (where.offset !== undefined) parts.push(`byte offset ${where.offset}`);
  const text = `${parts.join(', ')}: ${problem}`;
  return oneLine(hint ? `${text}. ${hint}` : text);
}

/**
 * Paths, keys, expressions and parser messages can hold line breaks, control characters (C0, C1) or bidi controls
 * (U+202E would reverse the rest of the line): show them escaped, keep one line.
 */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * What a failed open or read means, per errno: the one table of every reader (datasets, JSONL, images). Writes
 * have their own words and fixes (fs/write-errors.ts).
 */
const READ_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a folder on its path is a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a symbolic link on the way loops',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'an input/output error (the disk or network share failed)',
  EMFILE: 'too many open files (raise ulimit -n or lower --concurrency)',
  ENFILE: 'too many open files on the system',
};

/** A failed read in words: `missing-file` for a path that is not there, `io` for the rest, and why (with the errno). */
export function readFailure(error: unknown): { code: Extract<DataErrorCode, 'missing-file' | 'io'>; reason: string } {
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  const words = errno === undefined ? undefined : READ_REASONS[errno];
  const reason = words ?? (error instanceof Error ? error.message : String(error));
  return { code: errno === 'ENOENT' ? 'missing-file' : 'io', reason: words && errno !== 'ENOENT' ? `${words}, ${errno}` : reason };
}

/** The output folder cannot be written (full disk, no permission, gone): the whole run stops with one message. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  readonly exitCode: number = EXIT.failed;
}

/** A bug in humanref-vis itself, never caused by input data. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
  readonly exitCode: number = EXIT.internal;
}
