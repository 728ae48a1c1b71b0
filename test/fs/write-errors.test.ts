// Failed writes are named by their real cause: a read-only file system or a denied permission on the way is not
// "its folder does not exist" (Node's recursive mkdir reports both as ENOENT); a tmpfs of its own under /dev
// (/dev/shm) is storage, while /dev, /proc and /sys stay refused.
import { spawnSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareOutputDir } from '../../src/fs/atomic-write.js';
import { describeWriteError } from '../../src/fs/write-errors.js';
import { cli, FIXTURES, tempDirForEachTest } from '../cli.js';

const tmp = tempDirForEachTest('write-errors');
const canUnshare = spawnSync('unshare', ['-rm', 'true'], { stdio: 'ignore' }).status === 0;

describe('describeWriteError', () => {
  it('a missing folder in a writable place is said to be missing', async () => {
    const enoent = Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    expect(describeWriteError(enoent, join(tmp.dir, 'gone', 'x.png'), '--output-dir')).toBe(`cannot write ${join(tmp.dir, 'gone', 'x.png')}: its folder does not exist (ENOENT). Create the folder or choose another --output-dir`);
  });

  it.skipIf(!canUnshare)('a folder to be made on a read-only file system is said to be read-only (EROFS), not missing', async () => {
    const ro = join(tmp.dir, 'ro');
    await mkdir(ro);
    const out = join(ro, 'new', 'sub');
    const script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" || exit 99; exec "$@"';
    const r = await cli(['--data-dir', join(FIXTURES, 'sample'), '--split', 'main', '--indices', '0', '--output-dir', out], { cwd: tmp.dir, prefix: ['unshare', '-rm', 'sh', '-c', script, ro] });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim()).toBe(`humanref-vis: cannot write ${out}: the file system is read-only (EROFS). Choose another --output-dir on a writable file system`);
  });
});

describe('output place', () => {
  const shm = '/dev/shm';
  const ownTmpfs = (() => {
    try {
      return statfsSync(shm).type === 0x01021994 && spawnSync('mountpoint', ['-q', shm]).status === 0;
    } catch {
      return false;
    }
  })();

  it.runIf(ownTmpfs)('a tmpfs mounted on its own under /dev (/dev/shm) is allowed; /dev itself stays refused', async () => {
    const out = join(shm, `humanref-vis-test-${process.pid}`, 'out');
    try {
      await prepareOutputDir(out);
    } finally {
      await rm(join(shm, `humanref-vis-test-${process.pid}`), { recursive: true, force: true });
    }
    await expect(prepareOutputDir(`/dev/humanref-vis-test-${process.pid}`)).rejects.toThrow(/it lies in \/dev, a kernel file system/);
    await expect(prepareOutputDir('/proc/self/humanref-vis-out')).rejects.toThrow(/it lies in \/proc/);
  });
});
