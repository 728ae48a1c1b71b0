// What an input path names, before anything opens it: a pipe would block the open, a device would be read without end.
import { statSync, type Stats } from 'node:fs';
import { UsageError } from '../errors.js';

/** What a non-regular file is, in words; null for a regular file. */
export function fileKind(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Why `file` cannot be read as an input file (missing, a folder, a pipe, a device), or null when it can. */
export function inputFileProblem(file: string): string | null {
  let stats: Stats;
  try {
    // stat follows symlinks and, unlike open, never waits on a pipe.
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : `cannot be read (${code ?? (error as Error).message})`;
  }
  const kind = fileKind(stats);
  return kind === null ? null : `is ${kind}, not a regular file`;
}

/** Throws a UsageError (exit 2) naming the option when `file` is not a readable regular file; `shown` is the path as typed. */
export function checkInputFile(file: string, option: string, shown: string = file): string {
  const problem = inputFileProblem(file);
  if (problem === 'no such file') throw new UsageError(`${option} ${shown}: no such file`);
  if (problem !== null) throw new UsageError(`${option} ${shown}: the path ${problem}; give a regular file (pipes and devices cannot be read)`);
  return file;
}
