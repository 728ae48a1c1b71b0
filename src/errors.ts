// The kinds of failure and the exit code each ends with: usage (2), data (1; a bad sample, the run goes on),
// output (1; the output folder stopped taking files), internal (70; a bug), and the codes of an interrupt.

/** Every exit code humanref-vis ends with; cli.ts is the only place that hands one to the process. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70, sigint: 130, sigpipe: 141, sigterm: 143 } as const;

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
