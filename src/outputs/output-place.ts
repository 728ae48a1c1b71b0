// Where an output folder may not be: a kernel file system (/proc, /sys, /dev), refused before any mkdir.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { oneLine, OutputError } from '../errors.js';

/** Kernel file systems: a folder there is not storage, and Node's recursive mkdir can loop forever under /proc. */
const VIRTUAL_ROOTS = ['/proc', '/sys', '/dev'];

/** The nearest existing folder at or above `dir`, with symbolic links resolved. */
function existingAncestor(dir: string): string {
  let current = path.resolve(dir);
  for (;;) {
    try {
      return realpathSync(current);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

/** Refuses an output folder on /proc, /sys or /dev before anything is created there. */
export function checkNotVirtual(dir: string): void {
  if (process.platform === 'win32') return;
  for (const candidate of [path.resolve(dir), existingAncestor(dir)]) {
    const root = VIRTUAL_ROOTS.find((r) => candidate === r || candidate.startsWith(r + '/'));
    if (root) throw new OutputError(oneLine(`cannot write ${dir}: it lies in ${root}, a kernel file system, not storage. Choose another --output-dir`));
  }
}

