// One run at a time in an output folder: two processes writing one folder (`--shard 1/2` and `--shard 2/2` side by
// side) would each merge the manifest, run.json and viewer index as they found them at their start, and the last to
// finish would drop the other's rows. The second run is refused instead.
import { constants, readFileSync, unlinkSync } from 'node:fs';
import { lstat, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { isAlive } from './pid.js';

export const LOCK_FILE = '.humanref-vis.lock';

/** Locks this process holds, so an interrupt that ends the process at once can remove them. */
const held = new Set<string>();

function holderOf(text: string): number | null {
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Takes the folder's lock (a file holding our pid, created exclusively); a lock left by a process that no longer
 * exists is taken over. Throws UsageError while another live process holds it. Returns the release.
 */
export async function lockOutputDir(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      held.add(file);
      return async () => {
        if (!held.delete(file)) return;
        await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (attempt >= 3) throw new UsageError(`${file} stays in place though no live run holds it; nothing was written. Remove it or choose another --output-dir`);
    }
    const holder = holderOf(await readLock(file, dir));
    if (holder !== null && holder !== process.pid && isAlive(holder)) {
      throw new UsageError(
        `another humanref-vis run (pid ${holder}) is writing to ${dir}; two runs in one folder would lose each other's manifest rows. Give each run its own --output-dir (or remove ${file} if that process is not humanref-vis)`,
      );
    }
    // Left by a run that ended without cleaning up (or by this process): take it over.
    if (holder === process.pid && held.has(file)) throw new UsageError(`${dir} is already being written by this run`);
    await unlink(file).catch(() => undefined);
  }
}

/** What is at the lock's path when it is not a lock file: a folder, FIFO, socket, device or link. */
function notALock(stats: { isDirectory(): boolean; isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  return 'a device file';
}

/**
 * The text of a lock file found in place. Anything but a small plain file is not a lock this tool wrote: reading a
 * FIFO would wait forever and a folder cannot be removed as a stale lock, so the run is refused and told what is there.
 */
async function readLock(file: string, dir: string): Promise<string> {
  const stats = await lstat(file).catch(() => null);
  if (stats === null) return '';
  if (!stats.isFile()) {
    throw new UsageError(`${file} is ${notALock(stats)}, not the lock file a humanref-vis run leaves in ${dir}; nothing was written. Remove it or choose another --output-dir`);
  }
  try {
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const buffer = Buffer.alloc(64);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead).toString('latin1');
    } finally {
      await handle.close();
    }
  } catch {
    return '';
  }
}

/** Removes this process's locks; safe to call from a signal handler. */
export function releaseLocksSync(): void {
  for (const file of held) {
    try {
      if (holderOf(readFileSync(file, 'utf8')) === process.pid) unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
  held.clear();
}
