// Refuses files that cannot hold data: missing, empty, or Git LFS pointers left by a checkout without `git lfs pull`.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DataError, readFailure } from '../errors.js';

const LFS_PREFIX = Buffer.from('version https://git-lfs.github.com/spec/v1');

/** True when the bytes begin like a Git LFS pointer file. */
export function isLfsPointer(start: Buffer): boolean {
  return start.length >= LFS_PREFIX.length && start.subarray(0, LFS_PREFIX.length).equals(LFS_PREFIX);
}

/** Throws DataError 'empty-file' or 'lfs-pointer' for a file whose size and first bytes show it holds no data. */
export function checkDataStart(file: string, size: number, start: Buffer): void {
  if (size === 0) {
    throw new DataError('empty-file', { file }, 'the file is empty (0 bytes)', 'Download the dataset again, or point to the right file');
  }
  if (isLfsPointer(start)) {
    throw new DataError(
      'lfs-pointer',
      { file },
      `this is a Git LFS pointer (${size} bytes), not the data`,
      `Run \`git lfs pull\` in the dataset folder (${dirname(file)}) to download it`,
    );
  }
}

/** Reads the first bytes of an open file and applies checkDataStart. */
export async function checkDataFile(handle: FileHandle, file: string, size: number): Promise<void> {
  const start = Buffer.alloc(Math.min(size, LFS_PREFIX.length));
  await handle.read(start, 0, start.length, 0);
  checkDataStart(file, size, start);
}

// Non-blocking: opening a FIFO (or a device) for reading would otherwise wait for a writer forever.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Opens a regular file for positional reads, turning "not found" into DataError 'missing-file'. */
export async function openDataFile(file: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    throw ioError(file, error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      const kind = stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a pipe' : stats.isSocket() ? 'a socket' : 'a device';
      const hint = stats.isDirectory()
        ? 'Point to a dataset file inside it (a whole dataset folder is given with --data-dir)'
        : 'Point to the dataset file itself (pipes and devices cannot be read by offset)';
      throw new DataError('io', { file }, `this is ${kind}, not a regular file`, hint);
    }
    await checkDataFile(handle, file, stats.size);
    return { handle, size: stats.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Wraps a Node file-system error in a DataError that names the file. */
export function ioError(file: string, error: unknown, where: { index?: number; offset?: number } = {}): DataError {
  if (error instanceof DataError) return error;
  const { code, reason } = readFailure(error);
  if (code === 'missing-file') return new DataError(code, { file, ...where }, 'the file does not exist', 'Check the path');
  return new DataError(code, { file, ...where }, `cannot read the file: ${reason}`, 'Check that the file is readable');
}
