// Output folders refused on kernel file systems before anything is made there; ordinary and temp folders allowed.
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { checkNotVirtual, existingAncestor } from '../../src/fs/output-place.js';
import { tempDirForFile } from '../cli.js';

const tmp = tempDirForFile('output-place');
const linux = process.platform === 'linux';

describe('existingAncestor', () => {
  it('is the nearest folder that exists, symbolic links resolved', async () => {
    await mkdir(join(tmp.dir, 'real'));
    await symlink(join(tmp.dir, 'real'), join(tmp.dir, 'link'));
    expect(existingAncestor(join(tmp.dir, 'link', 'not', 'yet'))).toBe(existingAncestor(join(tmp.dir, 'real')));
    expect(existingAncestor(join(tmp.dir, 'real'))).toMatch(/real$/);
  });
});

describe.runIf(linux)('checkNotVirtual', () => {
  it.each(['/proc/self/vis', '/sys/out', '/dev/out', '/proc'])('refuses %s, naming the kernel file system', (dir) => {
    const root = dir.split('/')[1];
    expect(() => checkNotVirtual(dir)).toThrow(OutputError);
    expect(() => checkNotVirtual(dir)).toThrow(`cannot write ${dir}: it lies in /${root}, a kernel file system, not storage. Choose another --output-dir`);
  });

  it('refuses a link that leads into /proc, and allows a plain folder', async () => {
    await symlink('/proc/self', join(tmp.dir, 'to-proc'));
    expect(() => checkNotVirtual(join(tmp.dir, 'to-proc', 'vis'))).toThrow(/lies in \/proc/);
    expect(() => checkNotVirtual(join(tmp.dir, 'out', 'deeper'))).not.toThrow();
  });
});
