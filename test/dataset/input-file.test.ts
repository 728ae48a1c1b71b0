// Input paths checked before anything opens them: a missing file, a folder, a pipe or a device is a usage error naming the option.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInputFile, inputFileProblem } from '../../src/dataset/input-file.js';
import { resolveSplits } from '../../src/dataset/locate.js';
import { UsageError } from '../../src/errors.js';
import { tempDirForFile } from '../cli.js';

const tmp = tempDirForFile('input-file');

describe.skipIf(process.platform === 'win32')('checkInputFile', () => {
  it('says what the path is instead of a file', async () => {
    const fifo = join(tmp.dir, 'p');
    execFileSync('mkfifo', [fifo]);
    const file = join(tmp.dir, 'f.jsonl');
    await writeFile(file, '{}\n');
    expect(inputFileProblem(file)).toBeNull();
    expect(inputFileProblem(join(tmp.dir, 'none'))).toBe('no such file');
    expect(inputFileProblem(tmp.dir)).toBe('is a folder, not a regular file');
    expect(inputFileProblem(fifo)).toBe('is a pipe (FIFO), not a regular file');
    expect(inputFileProblem('/dev/zero')).toBe('is a device, not a regular file');
    expect(() => checkInputFile('/dev/zero', '--pred')).toThrow(new UsageError('--pred /dev/zero: the path is a device, not a regular file; give a regular file (pipes and devices cannot be read)'));
    expect(checkInputFile(file, '--gt')).toBe(file);
  });

  it('every file option of the dataset: a device or a pipe is refused by resolveSplits, before anything opens it', async () => {
    const ann = join(tmp.dir, 'x.annotations.tsv');
    const img = join(tmp.dir, 'x.images.tsv');
    await writeFile(ann, '0\t{}\n');
    await writeFile(img, 'k\tAAAA\n');
    expect(() => resolveSplits({ annTsv: ann, imgTsv: img, annLineidx: '/dev/zero' })).toThrow(/^--ann-lineidx \/dev\/zero: the path is a device/);
    expect(() => resolveSplits({ annTsv: ann, imgTsv: join(tmp.dir, 'p') })).toThrow(/^--img-tsv .*p: the path is a pipe \(FIFO\)/);
    expect(() => resolveSplits({ annTsv: tmp.dir, imgTsv: img })).toThrow(/^--ann-tsv .*: the path is a folder/);
  });
});
