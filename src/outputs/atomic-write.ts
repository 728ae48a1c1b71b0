// Every output file is written as a temp file in the same folder, then renamed: readers never see half a file.
import { mkdir, open, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { createWriteStream, unlinkSync, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';

// Errors that say "this folder is unusable", as opposed to a problem with one sample.
const FATAL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EIO', 'EMFILE', 'ENFILE', 'EEXIST', 'EFBIG']);

/** Temp files currently being written, so an interrupt can remove them synchronously. */
const liveTempFiles = new Set<string>();
let tempCounter = 0;

function toOutputError(error: unknown, target: string): OutputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : code === 'EFBIG' ? 'the file size limit was reached (ulimit -f)' : ((error as Error)?.message ?? String(error));
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return new OutputError(`cannot write ${target}: it, or a folder above it, is a file, not a folder (${code}). Choose another --output-dir`);
  }
  return new OutputError(`cannot write ${target}: ${reason}${code ? ` (${code})` : ''}. Free space or choose another --output-dir`);
}

/** Writes `data` to `dir/name` atomically. Throws OutputError when the folder cannot take the file. */
export async function writeFileAtomic(dir: string, name: string, data: Buffer | string): Promise<string> {
  const target = path.join(dir, name);
  // Hidden, unique, same folder (rename is only atomic within one file system).
  const temp = path.join(dir, `.${name}.${process.pid}.${++tempCounter}.tmp`);
  liveTempFiles.add(temp);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, target);
    return target;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code && FATAL_CODES.has(code)) throw toOutputError(error, target);
    throw error;
  } finally {
    liveTempFiles.delete(temp);
  }
}

/** A file written bit by bit (manifest, viewer search text) that appears under its name only on `commit`. */
export interface AtomicStream {
  /** Writes a chunk, waiting when the disk is slower than the run (so nothing piles up in memory). */
  write(chunk: string): Promise<void>;
  commit(): Promise<string>;
  /** Removes the temp file; safe to call after a failure. */
  abort(): Promise<void>;
}

export function createAtomicStream(dir: string, name: string): AtomicStream {
  const target = path.join(dir, name);
  const temp = path.join(dir, `.${name}.${process.pid}.${++tempCounter}.tmp`);
  liveTempFiles.add(temp);
  const stream: WriteStream = createWriteStream(temp, { flags: 'wx' });
  let failure: unknown;
  stream.on('error', (error) => {
    failure ??= error;
  });
  const fail = (error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code;
    throw code && FATAL_CODES.has(code) ? toOutputError(error, target) : error;
  };
  const cleanup = async () => {
    stream.destroy();
    await unlink(temp).catch(() => undefined);
    liveTempFiles.delete(temp);
  };
  return {
    async write(chunk) {
      if (failure) fail(failure);
      if (!stream.write(chunk)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            stream.off('drain', done);
            stream.off('error', done);
            stream.off('close', done);
            resolve();
          };
          stream.on('drain', done).on('error', done).on('close', done);
        });
      }
      if (failure) fail(failure);
    },
    async commit() {
      try {
        if (failure) throw failure;
        stream.end();
        await finished(stream);
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
  const probe = path.join(dir, `.humanref-vis-probe.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(probe, 'w');
    await handle.close();
    await unlink(probe);
  } catch (error) {
    await unlink(probe).catch(() => undefined);
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
