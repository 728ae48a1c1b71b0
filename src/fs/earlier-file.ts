// A file an earlier run left in the output folder, read back so this run can extend it. A file that is there but
// cannot be used (unreadable, not a plain file, too large, not ours) is set aside under a new name with a warning,
// never replaced and never lost; only a file that is not there at all counts as "no earlier run".
import { constants } from 'node:fs';
import { copyFile, link, lstat, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** The largest earlier file read back whole; a manifest of every HumanRef-CoT sample is ~30 MB. */
export const EARLIER_MAX_BYTES = 128 * 1024 * 1024;

export interface EarlierFile<T> {
  dir: string;
  name: string;
  /**
   * Reads the text; throws when the file as a whole is not ours. Parts it cannot use (a bad row) are handed to
   * `drop` and left out: the file as it was is then kept under the set-aside name as well.
   */
  parse: (text: string, drop: (problem: string) => void) => T | Promise<T>;
  /** What a first run (no file) or a set-aside file gives. */
  empty: T;
  /** The set-aside file's name for a time stamp, e.g. `manifest.unreadable-<stamp>.csv`. */
  asideName: (stamp: string) => string;
  /** What the file is, for the warning: `a manifest`, `the run log`. */
  what: string;
  /** The largest file read (default EARLIER_MAX_BYTES). */
  maxBytes?: number;
  /** Reads the file's bytes (tests inject failures here); default: read it, never following a symbolic link. */
  read?: (file: string) => Promise<Buffer>;
}

/** What is at an earlier file's path: nothing, a plain file of a size, or something that cannot be read back. */
export type EarlierState = { kind: 'absent' } | { kind: 'file'; size: number } | { kind: 'unusable'; reason: string };

/** Looks at the path without following a symbolic link (one could point anywhere outside the folder). */
export async function earlierState(file: string, maxBytes: number): Promise<EarlierState> {
  let stats;
  try {
    stats = await lstat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'unusable', reason: `it cannot be looked at (${code ?? (error as Error).message})` };
  }
  if (stats.isSymbolicLink()) return { kind: 'unusable', reason: 'it is a symbolic link, and nothing outside the output folder is read back' };
  if (stats.isDirectory()) return { kind: 'unusable', reason: 'it is a folder' };
  if (!stats.isFile()) return { kind: 'unusable', reason: 'it is not a plain file (a FIFO, socket or device)' };
  if (stats.size > maxBytes) return { kind: 'unusable', reason: `it is ${stats.size} bytes, more than the ${maxBytes} this tool reads back` };
  return { kind: 'file', size: stats.size };
}

/** Reads a plain file; O_NOFOLLOW and O_NONBLOCK so a link or FIFO swapped in after the look is not followed or waited on. */
export async function readPlainFile(file: string): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export async function readEarlierFile<T>(spec: EarlierFile<T>, onWarning: (message: string) => void): Promise<T> {
  const file = path.join(spec.dir, spec.name);
  const state = await earlierState(file, spec.maxBytes ?? EARLIER_MAX_BYTES);
  if (state.kind === 'absent') return spec.empty;
  const parsed = state.kind === 'unusable' ? { reason: state.reason } : await readAndParse(file, spec);
  if ('reason' in parsed) {
    const aside = await setAside(file, spec, parsed.reason);
    onWarning(`${file} could not be read back as ${spec.what} (${parsed.reason}); it was kept as ${aside} and a new one started`);
    return spec.empty;
  }
  const { value, dropped } = parsed;
  if (dropped.length > 0) {
    const copy = await keepCopy(file, spec);
    const more = dropped.length > 1 ? ` and ${dropped.length - 1} more` : '';
    onWarning(`${file}: ${dropped[0]}${more} could not be used and ${dropped.length === 1 ? 'was' : 'were'} left out; the file as it was is kept as ${copy}`);
  }
  return value;
}

/** The parsed value with the parts left out, or why the file as a whole cannot be used. */
async function readAndParse<T>(file: string, spec: EarlierFile<T>): Promise<{ value: T; dropped: string[] } | { reason: string }> {
  let text: string;
  try {
    text = (await (spec.read ?? readPlainFile)(file)).toString('utf8');
  } catch (error) {
    return { reason: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const dropped: string[] = [];
  try {
    return { value: await spec.parse(text, (problem) => dropped.push(problem)), dropped };
  } catch (error) {
    return { reason: (error as Error).message };
  }
}

type AsideNaming = Pick<EarlierFile<unknown>, 'dir' | 'asideName'>;

/** The set-aside names to try: the time stamp, then `-2`, `-3` ... */
function* asideNames(spec: AsideNaming): Generator<string> {
  const stamp = String(Date.now());
  for (let n = 1; n <= 1000; n++) yield path.join(spec.dir, spec.asideName(n === 1 ? stamp : `${stamp}-${n}`));
}

const refuse = (file: string, reason: string, error: unknown): never => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  throw new UsageError(
    `${file} is there but cannot be read back (${reason}), and it could not be set aside either (${code ?? (error as Error)?.message ?? 'no free name'}); it was left as it is and nothing was written. Move it away yourself or choose another --output-dir`,
  );
};

/**
 * Moves the file (or folder, FIFO, link) to the first free set-aside name: a hard link never replaces a name, and a
 * rename (for what cannot be linked) only goes to a name that lstat saw free (the folder is locked, so nobody else
 * takes it meanwhile). Refuses the run when the file cannot be moved.
 */
export async function setAside(file: string, spec: AsideNaming, reason: string): Promise<string> {
  let last: unknown;
  for (const aside of asideNames(spec)) {
    try {
      await link(file, aside);
      // Should the unlink fail, the new file replaces this name by a rename and the link keeps the old one.
      await unlink(file).catch(() => undefined);
      return aside;
    } catch (error) {
      last = error;
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
    }
    try {
      if (await lstat(aside).then(() => true, () => false)) continue;
      await rename(file, aside);
      return aside;
    } catch (error) {
      last = error;
      break;
    }
  }
  return refuse(file, reason, last);
}

/** Keeps the file as it is under the first free set-aside name (a hard link, else a copy that never replaces). */
export async function keepCopy(file: string, spec: AsideNaming): Promise<string> {
  let last: unknown;
  for (const aside of asideNames(spec)) {
    try {
      await link(file, aside);
      return aside;
    } catch (error) {
      last = error;
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
    }
    try {
      await copyFile(file, aside, constants.COPYFILE_EXCL);
      return aside;
    } catch (error) {
      last = error;
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      break;
    }
  }
  return refuse(file, 'some of it could not be used', last);
}
