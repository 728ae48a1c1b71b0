// A file an earlier run left in the output folder, read back so this run can extend it; one that is not ours (or
// broken) is set aside under a new name, never overwritten and never lost.
import { constants } from 'node:fs';
import { copyFile, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface EarlierFile<T> {
  dir: string;
  name: string;
  /** Reads the text; throws when it is not ours. */
  parse: (text: string) => T | Promise<T>;
  /** What a first run (no file) or a set-aside file gives. */
  empty: T;
  /** The set-aside file's name for a time stamp, e.g. `manifest.unreadable-<stamp>.csv`. */
  asideName: (stamp: string) => string;
  /** The one-line warning. */
  warning: (file: string, reason: string, aside: string) => string;
}

export async function readEarlierFile<T>(spec: EarlierFile<T>, onWarning: (message: string) => void): Promise<T> {
  const file = path.join(spec.dir, spec.name);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    // No file: a first run, or an earlier run killed before it wrote one.
    return spec.empty;
  }
  try {
    return await spec.parse(text);
  } catch (error) {
    const aside = await setAside(file, spec);
    onWarning(spec.warning(file, (error as Error).message, aside));
    return spec.empty;
  }
}

/** Copies to the first free name (COPYFILE_EXCL never replaces a file), then removes the original. */
async function setAside(file: string, spec: EarlierFile<unknown>): Promise<string> {
  const stamp = String(Date.now());
  for (let n = 1; ; n++) {
    const aside = path.join(spec.dir, spec.asideName(n === 1 ? stamp : `${stamp}-${n}`));
    try {
      await copyFile(file, aside, constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await unlink(file).catch(() => undefined);
    return aside;
  }
}
