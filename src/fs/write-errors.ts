// One errno -> words table for every output (visualize's folder, index's -o, eval's folder): what went wrong, what to do.
import { accessSync, constants, existsSync, lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { oneLine } from '../errors.js';
import { existingAncestor } from './output-place.js';

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
 * Node's recursive mkdir says ENOENT when a folder on the way cannot be made on a read-only file system or without
 * permission: the nearest folder that exists says which (EROFS, EACCES), or undefined when it is writable (then the
 * folder really is missing, e.g. removed during the run).
 */
function unwritableAncestor(target: string): string | undefined {
  try {
    accessSync(existingAncestor(target), constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EROFS' || code === 'EACCES' || code === 'EPERM' ? code : undefined;
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
  const cause = code === 'ENOENT' ? unwritableAncestor(target) ?? code : code;
  const known = cause ? WRITE_REASONS[cause] : undefined;
  const reason = known?.reason ?? ((error as Error)?.message ?? String(error));
  const fix = (known?.fix ?? 'Choose another {choose}').replace('{choose}', choose);
  return oneLine(`cannot write ${target}: ${reason}${cause ? ` (${cause})` : ''}. ${fix}`);
}

