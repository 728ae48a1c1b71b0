// One run at a time in an output folder: two processes writing one folder (`--shard 1/2` and `--shard 2/2` side by
// side) would each merge the manifest, run.json and viewer index as they found them at their start, and the last to
// finish would drop the other's rows. The second run is refused instead.
import { readFileSync, unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
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
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
    }
    const holder = holderOf(await readFile(file, 'utf8').catch(() => ''));
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
