// Every output file is written as a temp file in the same folder, then renamed: readers never see half a file.
import { mkdir, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import { existsSync, lstatSync, readlinkSync, realpathSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { oneLine, OutputError } from '../errors.js';

// Errors that say "this folder is unusable", as opposed to a problem with one sample.
const FATAL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EIO', 'EMFILE', 'ENFILE', 'EEXIST', 'EFBIG', 'ELOOP', 'ENAMETOOLONG']);

/** Temp files currently being written, so an interrupt can remove them synchronously. */
const liveTempFiles = new Set<string>();
let tempCounter = 0;

/** The one errno -> words table for every output: what went wrong, and what to do about it. */
const WRITE_REASONS: Record<string, { reason: string; fix: string }> = {
  ENOSPC: { reason: 'the disk is full', fix: 'Free space or choose another {choose}' },
  EDQUOT: { reason: 'the disk quota is used up', fix: 'Free space or choose another {choose}' },
  EACCES: { reason: 'permission denied', fix: 'Fix the permissions or choose another {choose}' },
  EPERM: { reason: 'permission denied', fix: 'Fix the permissions or choose another {choose}' },
  EROFS: { reason: 'the file system is read-only', fix: 'Choose another {choose} on a writable file system' },
  EFBIG: { reason: 'the file size limit was reached (ulimit -f)', fix: 'Raise the limit or choose another {choose}' },
  ENOTDIR: { reason: 'it, or a folder above it, is a file, not a folder', fix: 'Choose another {choose}' },
  EEXIST: { reason: 'it, or a folder above it, is a file, not a folder', fix: 'Choose another {choose}' },
  EISDIR: { reason: 'it is a folder', fix: 'Choose another {choose}' },
  ENOENT: { reason: 'its folder does not exist', fix: 'Create the folder or choose another {choose}' },
  ELOOP: { reason: 'a symbolic link on the way loops', fix: 'Choose another {choose}' },
  ENAMETOOLONG: { reason: 'the path is too long', fix: 'Choose another {choose}' },
  EIO: { reason: 'an input/output error (the disk or network share failed)', fix: 'Check the disk or choose another {choose}' },
  EMFILE: { reason: 'too many open files', fix: 'Raise the limit (ulimit -n) or lower --concurrency' },
  ENFILE: { reason: 'too many open files on the system', fix: 'Lower --concurrency' },
};

/** A path (or a folder above it) that is a symbolic link to nothing: said as such, not as "no such folder". */
function brokenSymlinkIn(target: string): { link: string; to: string } | undefined {
  let current = path.resolve(target);
  for (;;) {
    try {
      if (lstatSync(current).isSymbolicLink() && !existsSync(current)) return { link: current, to: readlinkSync(current) };
    } catch {
      // Not there: look at the folder above.
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * One line for a failed write: `cannot write <target>: <reason> (<CODE>). <what to do>`.
 * `choose` completes "choose another ...": the option that picks the place (`--output-dir`, `place with -o <path>`).
 */
export function describeWriteError(error: unknown, target: string, choose: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EEXIST' || code === 'ENOTDIR') {
    const broken = brokenSymlinkIn(target);
    if (broken) return oneLine(`cannot write ${target}: ${broken.link} is a broken symlink to ${broken.to}. Create its target or choose another ${choose}`);
  }
  const known = code ? WRITE_REASONS[code] : undefined;
  const reason = known?.reason ?? ((error as Error)?.message ?? String(error));
  const fix = (known?.fix ?? 'Choose another {choose}').replace('{choose}', choose);
  return oneLine(`cannot write ${target}: ${reason}${code ? ` (${code})` : ''}. ${fix}`);
}

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

/** A file written bit by bit (manifest, gallery) that appears under its name only on `commit`. */
export interface AtomicStream {
  /** Writes a chunk, waiting when the disk is slower than the run (so nothing piles up in memory). */
  write(chunk: string): Promise<void>;
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
  return {
    async write(chunk) {
      try {
        const { handle } = await opened;
        // writeFile loops until every byte is written (a bare write may write part of it).
        await handle.writeFile(chunk);
      } catch (error) {
        fail(error);
      }
    },
    async commit() {
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
