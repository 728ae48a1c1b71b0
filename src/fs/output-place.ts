// Where an output folder may not be: a kernel file system (/proc, /sys, /dev), refused before any mkdir; a tmpfs of
// its own under /dev (/dev/shm) is storage and allowed.
import { realpathSync, statfsSync, statSync } from 'node:fs';
import path from 'node:path';
import { oneLine, OutputError } from '../errors.js';

/** Kernel file systems: a folder there is not storage, and Node's recursive mkdir can loop forever under /proc. */
const VIRTUAL_ROOTS = ['/proc', '/sys', '/dev'];

/** The nearest existing folder at or above `dir`, with symbolic links resolved. */
export function existingAncestor(dir: string): string {
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

const TMPFS_MAGIC = 0x01021994;

/**
 * A tmpfs mounted under /dev on its own (/dev/shm): memory-backed storage, not a kernel file system. /dev itself may
 * be a tmpfs too (in containers), so the folder must be on another mount than /dev.
 */
function ownTmpfsUnderDev(existing: string): boolean {
  try {
    return existing !== '/dev' && statfsSync(existing).type === TMPFS_MAGIC && statSync(existing).dev !== statSync('/dev').dev;
  } catch {
    return false;
  }
}

/** Refuses an output folder on /proc, /sys or /dev (but for a tmpfs of its own there) before anything is created there. */
export function checkNotVirtual(dir: string): void {
  if (process.platform === 'win32') return;
  const existing = existingAncestor(dir);
  for (const candidate of [path.resolve(dir), existing]) {
    const root = VIRTUAL_ROOTS.find((r) => candidate === r || candidate.startsWith(r + '/'));
    if (root === '/dev' && ownTmpfsUnderDev(existing)) continue;
    if (root) throw new OutputError(oneLine(`cannot write ${dir}: it lies in ${root}, a kernel file system, not storage. Choose another --output-dir`));
  }
}

