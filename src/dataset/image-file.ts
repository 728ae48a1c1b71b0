// Photos read from a folder by name (eval's --images): only regular files inside the folder, symlinks resolved,
// and no bigger than an image the TSV reader would take.
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { DataError } from '../errors.js';
import { fileKind } from './input-file.js';
import { DEFAULT_MAX_LINE_BYTES } from './read-line.js';

/** The largest image file read: what the longest TSV line could carry as base64 (3 bytes per 4 characters). */
export const MAX_IMAGE_FILE_BYTES = (DEFAULT_MAX_LINE_BYTES / 4) * 3;
// Non-blocking: opening a pipe for reading would otherwise wait for a writer, deaf to Ctrl-C.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const HINT = 'image_name must name a file inside the --images folder';

const inside = (root: string, file: string) => {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel);
};

/**
 * The real path of `name` inside `root`, or a DataError: a name that leads out of the folder (`../`, an absolute
 * path, or a symbolic link pointing elsewhere) is refused before or without reading anything there.
 */
export async function resolveInsideFolder(root: string, name: string, where: { file: string; what: string }): Promise<string> {
  const leaves = (how: string) =>
    new DataError('io', { file: where.file }, `${where.what}: image_name ${JSON.stringify(name)} ${how} the --images folder ${root}, so it was not read`, `${HINT} (symbolic links that lead out of it are refused too)`);
  if (name === '' || name.includes('\0')) throw new DataError('wrong-type', { file: where.file }, `${where.what}: image_name ${JSON.stringify(name)} is not a file name`, HINT);
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch (error) {
    throw new DataError('missing-file', { file: root }, `the --images folder cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'Check --images');
  }
  // Checked on the name first: a `../../etc/shadow` is never even looked at.
  if (!inside(realRoot, path.resolve(realRoot, name))) throw leaves('leads out of');
  let real: string;
  try {
    real = await realpath(path.resolve(realRoot, name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const file = path.join(root, name);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new DataError('missing-file', { file }, `no such image (the image_name of ${where.what} of ${where.file})`, 'Check --images and the image_name of this sample');
    throw new DataError('io', { file }, `${where.what}: cannot read the image (${code ?? (error as Error).message})`, 'Check --images and the image_name of this sample');
  }
  if (!inside(realRoot, real)) throw leaves(`is a symbolic link to ${real}, outside`);
  return real;
}

/** A regular image file, whole; a pipe, a device, a folder or a file over `maxBytes` is a DataError, not read. */
export async function readImageFile(file: string, maxBytes: number = MAX_IMAGE_FILE_BYTES): Promise<Buffer> {
  const hint = 'Check --images and the image_name of this sample';
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError(code === 'ENOENT' ? 'missing-file' : 'io', { file }, code === 'ENOENT' ? 'no such image' : `cannot read the image (${code ?? (error as Error).message})`, hint);
  }
  try {
    const stats = await handle.stat();
    const kind = fileKind(stats);
    if (kind !== null) throw new DataError('io', { file }, `the image is ${kind}, not a regular file, so it was not read`, hint);
    if (stats.size > maxBytes) {
      throw new DataError('image-too-large', { file }, `the image file has ${stats.size} bytes (the limit is ${maxBytes}), so it was not read`, 'A HumanRef photo has a few hundred KB: the file is not the photo, or is corrupt');
    }
    const bytes = Buffer.allocUnsafe(stats.size);
    let done = 0;
    // Read what fstat promised, no more: a file growing meanwhile is not followed.
    while (done < bytes.length) {
      const { bytesRead } = await handle.read(bytes, done, bytes.length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return bytes.subarray(0, done);
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError('io', { file }, `cannot read the image (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, hint);
  } finally {
    await handle.close();
  }
}
