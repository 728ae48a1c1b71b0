// Photos read from a folder by name: only from inside it (after symlinks), only regular files, within the size limit.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImageFile, resolveInsideFolder } from '../../src/dataset/image-file.js';
import { DataError } from '../../src/errors.js';
import { tempDirForFile } from '../cli.js';

const tmp = tempDirForFile('image-file');
const where = { file: 'gt.jsonl', what: 'line 1' };

describe.skipIf(process.platform === 'win32')('image files by name', () => {
  it('resolveInsideFolder refuses names and symlinks that lead out, and finds the ones inside', async () => {
    const root = join(tmp.dir, 'unit-images');
    await mkdir(join(root, 'sub'), { recursive: true });
    await writeFile(join(root, 'sub', 'a.jpg'), 'x');
    await symlink('/etc/hostname', join(root, 'out.jpg'));
    await symlink('sub/a.jpg', join(root, 'in.jpg'));
    expect(await resolveInsideFolder(root, 'sub/../sub/a.jpg', where)).toMatch(/sub\/a\.jpg$/);
    expect(await resolveInsideFolder(root, 'in.jpg', where)).toMatch(/sub\/a\.jpg$/);
    for (const name of ['../../../etc/shadow', '/etc/passwd', '..', '.', 'sub/../..']) {
      await expect(resolveInsideFolder(root, name, where)).rejects.toThrow(/leads out of the --images folder .*, so it was not read/);
    }
    await expect(resolveInsideFolder(root, 'out.jpg', where)).rejects.toThrow(/is a symbolic link to \/etc\/hostname, outside the --images folder/);
    await expect(resolveInsideFolder(root, 'gone.jpg', where)).rejects.toThrow(DataError);
  });

  it('readImageFile refuses a device and a file over the limit without reading them', async () => {
    await expect(readImageFile('/dev/zero')).rejects.toThrow(/the image is a device, not a regular file/);
    const big = join(tmp.dir, 'big.jpg');
    await writeFile(big, Buffer.alloc(2048));
    await expect(readImageFile(big, 1024)).rejects.toThrow(/the image file has 2048 bytes \(the limit is 1024\)/);
    expect((await readImageFile(big, 4096)).length).toBe(2048);
  });
});
