// Every output file is written as a temp file in the same folder, then renamed: readers never see half a file.
import { mkdir, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { oneLine, OutputError } from '../errors.js';
import { checkNotVirtual } from './output-place.js';
import { describeWriteError } from './write-errors.js';
import { isAlive } from './pid.js';

export { describeWriteError };

// Errors that say "this folder is unusable", as opposed to a problem with one sample.
const FATAL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EIO', 'EMFILE', 'ENFILE', 'EEXIST', 'EFBIG', 'ELOOP', 'ENAMETOOLONG']);

/** Temp files currently being written, so an interrupt can remove them synchronously. */
const liveTempFiles = new Set<string>();
let tempCounter = 0;

function toOutputError(error: unknown, target: string, choose = '--output-dir'): OutputError {
  return new OutputError(describeWriteError(error, target, choose));
}

function isFatal(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return Boolean(code && FATAL_CODES.has(code));
}

/**
 * Creates a fresh temp file beside `target` with O_EXCL ('wx'): a file or symlink planted at a temp name is never
 * followed or overwritten; another name is tried instead.
 */
async function createTemp(dir: string, name: string): Promise<{ temp: string; handle: FileHandle }> {
  for (let attempt = 0; ; attempt++) {
    const temp = path.join(dir, `.${name}.${process.pid}.${++tempCounter}.tmp`);
    try {
      const handle = await open(temp, 'wx');
      liveTempFiles.add(temp);
      return { temp, handle };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw error;
      // Someone else's file sits there: jump ahead rather than walk through a planted row of names.
      tempCounter += 1 + Math.floor(Math.random() * 1_000_000);
    }
  }
}

export interface AtomicWriteOptions {
  /** The option that chooses the place, named in messages (default `--output-dir`). */
  choose?: string;
}

/**
 * Writes `data` to `dir/name` atomically: exclusive-create a temp file in the same folder, write, fsync, rename.
 * Throws OutputError when the folder cannot take the file.
 */
export async function writeFileAtomic(dir: string, name: string, data: Buffer | string, options: AtomicWriteOptions = {}): Promise<string> {
  const target = path.join(dir, name);
  let temp: string | undefined;
  try {
    const created = await createTemp(dir, name);
    temp = created.temp;
    try {
      await created.handle.writeFile(data);
      await created.handle.sync();
    } finally {
      await created.handle.close();
    }
    await rename(temp, target);
    return target;
  } catch (error) {
    if (temp) await unlink(temp).catch(() => undefined);
    if (isFatal(error)) throw toOutputError(error, target, options.choose);
    throw error;
  } finally {
    if (temp) liveTempFiles.delete(temp);
  }
}

/** A file written bit by bit (manifest, viewer search text) that appears under its name only on `commit`. */
export interface AtomicStream {
  /** Writes a chunk, waiting when the disk is slower than the run (so nothing piles up in memory). */
  write(chunk: string | Uint8Array): Promise<void>;
  commit(): Promise<string>;
  /** Removes the temp file; safe to call after a failure. */
  abort(): Promise<void>;
}

export function createAtomicStream(dir: string, name: string, options: AtomicWriteOptions = {}): AtomicStream {
  const target = path.join(dir, name);
  const fail = (error: unknown): never => {
    throw isFatal(error) ? toOutputError(error, target, options.choose) : error;
  };
  // The temp file is created at once, through the same exclusive create as writeFileAtomic; writes are awaited
  // one after another, so nothing piles up in memory when the disk is slow.
  const opened = createTemp(dir, name);
  opened.catch(() => undefined);
  let closed = false;
  const cleanup = async () => {
    const created = await opened.catch(() => undefined);
    if (!created) return;
    if (!closed) {
      closed = true;
      await created.handle.close().catch(() => undefined);
    }
    await unlink(created.temp).catch(() => undefined);
    liveTempFiles.delete(created.temp);
  };
  // A failed write ends the stream at once: the handle is closed and the temp file removed (a caller that stops
  // on the error need not abort), and every later call gives the same error.
  let broken: { error: unknown } | undefined;
  return {
    async write(chunk) {
      if (broken) fail(broken.error);
      try {
        const { handle } = await opened;
        // writeFile loops until every byte is written (a bare write may write part of it).
        await handle.writeFile(chunk);
      } catch (error) {
        broken ??= { error };
        await cleanup();
        fail(error);
      }
    },
    async commit() {
      if (broken) fail(broken.error);
      try {
        const { handle, temp } = await opened;
        await handle.sync();
        closed = true;
        await handle.close();
        await rename(temp, target);
        liveTempFiles.delete(temp);
        return target;
      } catch (error) {
        await cleanup();
        return fail(error);
      }
    },
    abort: cleanup,
  };
}

/** Removes temp files of writes still in progress; safe to call from a signal handler. */
export function removeLiveTempFiles(): void {
  for (const temp of liveTempFiles) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or never created.
    }
  }
  liveTempFiles.clear();
}

/** Creates the output folder and proves it is writable before any sample is read. */
export async function prepareOutputDir(dir: string): Promise<void> {
  checkNotVirtual(dir);
  try {
    await mkdir(dir, { recursive: true });
    const probe = await createTemp(dir, 'humanref-vis-probe');
    await probe.handle.close();
    await unlink(probe.temp);
    liveTempFiles.delete(probe.temp);
  } catch (error) {
    throw toOutputError(error, dir);
  }
  await removeStaleTempFiles(dir);
}

/** Our temp names: `.<name>.<pid>.<n>.tmp` (see writeFileAtomic). */
const TEMP_NAME = /^\.(?:.+)\.(\d+)\.\d+\.tmp$|^\.humanref-vis-probe\.(\d+)\.tmp$/;

/** A run killed by SIGKILL or a crash cannot clean up: remove the temp files of processes that no longer exist. */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const pid = Number(match[1] ?? match[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    await unlink(path.join(dir, name)).then(() => removed.push(name), () => undefined);
  }
  return removed;
}
