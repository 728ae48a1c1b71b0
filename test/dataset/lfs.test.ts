// Files that cannot hold data refused by name: missing, empty, a Git LFS pointer, a folder or a pipe.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataStart, ioError, isLfsPointer, openDataFile } from '../../src/dataset/lfs.js';
import { DataError } from '../../src/errors.js';
import { tempDirForFile } from '../cli.js';
import { dataError, failure, LFS } from './helpers.js';

const tmp = tempDirForFile('lfs');

describe('data file checks', () => {
  it('tells an LFS pointer by its first line, not by a prefix of it', () => {
    expect(isLfsPointer(Buffer.from(LFS))).toBe(true);
    expect(isLfsPointer(Buffer.from('version https://git-lfs'))).toBe(false);
    expect(isLfsPointer(Buffer.from('0\t{"gt_boxes": []}'))).toBe(false);
  });

  it('refuses an empty file and a pointer, saying what to do', () => {
    expect(dataError(() => checkDataStart('/d/x.tsv', 0, Buffer.alloc(0))).code).toBe('empty-file');
    const pointer = dataError(() => checkDataStart('/d/x.tsv', LFS.length, Buffer.from(LFS)));
    expect(pointer.code).toBe('lfs-pointer');
    expect(pointer.message).toContain('Run `git lfs pull` in the dataset folder (/d)');
    expect(() => checkDataStart('/d/x.tsv', 5, Buffer.from('0\tab'))).not.toThrow();
  });

  it('opens a regular file with its size, and refuses a missing file and a folder by name', async () => {
    const file = join(tmp.dir, 'ok.tsv');
    await writeFile(file, '0\tdata\n');
    const { handle, size } = await openDataFile(file);
    await handle.close();
    expect(size).toBe(7);
    expect((await failure(openDataFile(join(tmp.dir, 'none.tsv')))).code).toBe('missing-file');
    await mkdir(join(tmp.dir, 'folder.tsv'));
    const folder = await failure(openDataFile(join(tmp.dir, 'folder.tsv')));
    expect([folder.code, folder.message]).toEqual(['io', expect.stringContaining('this is a directory, not a regular file')]);
  });

  it('wraps a file-system error with the file and sample, and passes a DataError through', () => {
    const wrapped = ioError('/d/x.tsv', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), { index: 4, offset: 90 });
    expect(wrapped).toBeInstanceOf(DataError);
    expect(wrapped.message).toMatch(/^\/d\/x\.tsv, sample 4, byte offset 90: cannot read the file: permission denied, EACCES\. Check that the file is readable$/);
    expect(ioError('/d/y.tsv', wrapped)).toBe(wrapped);
  });
});
