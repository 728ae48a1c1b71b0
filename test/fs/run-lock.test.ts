// The folder lock: a lock file of a live run refuses, a stale one is taken over, and anything else at the lock's
// path (a folder, a FIFO) is named and refused with exit 2 instead of an internal error or a read that never ends.
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, lockOutputDir } from '../../src/fs/run-lock.js';
import { tempDirForEachTest } from '../cli.js';

const tmp = tempDirForEachTest('run-lock');

describe('lockOutputDir', () => {
  it('takes the lock, and releases it', async () => {
    const release = await lockOutputDir(tmp.dir);
    expect(await readdir(tmp.dir)).toEqual([LOCK_FILE]);
    await release();
    expect(await readdir(tmp.dir)).toEqual([]);
  });

  it('a folder at the lock path: exit 2, saying it is a folder, and the folder stays', async () => {
    await mkdir(join(tmp.dir, LOCK_FILE));
    await expect(lockOutputDir(tmp.dir)).rejects.toMatchObject({
      exitCode: 2,
      message: `${join(tmp.dir, LOCK_FILE)} is a folder, not the lock file a humanref-vis run leaves in ${tmp.dir}; nothing was written. Remove it or choose another --output-dir`,
    });
    expect((await lstat(join(tmp.dir, LOCK_FILE))).isDirectory()).toBe(true);
  });

  it('a FIFO at the lock path: exit 2 at once (never a read that waits for a writer)', async () => {
    execFileSync('mkfifo', [join(tmp.dir, LOCK_FILE)]);
    await expect(lockOutputDir(tmp.dir)).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('is a FIFO (named pipe), not the lock file') });
  });

  it('a symbolic link at the lock path is refused, not followed', async () => {
    await writeFile(join(tmp.dir, 'elsewhere'), '1\n');
    await symlink(join(tmp.dir, 'elsewhere'), join(tmp.dir, LOCK_FILE));
    await expect(lockOutputDir(tmp.dir)).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('is a symbolic link, not the lock file') });
  });
});
