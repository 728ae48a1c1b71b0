// Pipes, devices and folders where a dataset file should be: refused at once with one line, never a hang or a read without end.
import { execFileSync } from 'node:child_process';
import { constants, closeSync, openSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dataset } from '../../src/dataset/dataset.js';
import { DataError } from '../../src/errors.js';
import type { SplitPaths } from '../../src/types.js';
import { cli } from './cli.js';
import { loadCorpus, plainAnnotation, withTimeout, writeEntries, type WrittenSplit } from './corpus.js';
import { tempDirForFile } from '../cli.js';

const tmp = tempDirForFile('special');
let split: WrittenSplit;
let fifo: string;
beforeAll(async () => {
  if (process.platform === 'win32') return;
  const [s] = loadCorpus();
  split = await writeEntries(tmp.dir, 'ok', [{ annotationLine: plainAnnotation(s.json), imageLine: s.imageLine }]);
  fifo = join(tmp.dir, 'pipe.images.tsv');
  execFileSync('mkfifo', [fifo]);
  await mkdir(join(tmp.dir, 'folder.annotations.tsv'));
});
afterAll(async () => {
  // Should a read ever block on the pipe, a writer that opens and closes it lets the blocked thread go.
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // No reader waiting: ENXIO.
  }
});

async function openError(paths: SplitPaths): Promise<DataError> {
  const error = await withTimeout(Dataset.open(paths), 3_000, `opening ${JSON.stringify(paths)}`).then(
    (d) => d.close().then(() => null),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

// Named pipes and /dev/zero are POSIX.
describe.skipIf(process.platform === 'win32')('special files in place of dataset files', () => {
  it('an images TSV that is a named pipe: refused, not waited on', async () => {
    const error = await openError({ ...split, imagesTsv: fifo });
    expect(error.message).toBe(`${fifo}: this is a pipe, not a regular file. Point to the dataset file itself (pipes and devices cannot be read by offset)`);
  });

  it('a .lineidx that is /dev/zero: refused, not read without end', async () => {
    const error = await openError({ ...split, annotationsLineidx: '/dev/zero' });
    expect(error.message).toBe('/dev/zero: this is a device, not a regular file. Point to the dataset file itself (pipes and devices cannot be read by offset)');
  });

  it('an annotations TSV that is a folder', async () => {
    const error = await openError({ ...split, annotationsTsv: join(tmp.dir, 'folder.annotations.tsv') });
    expect(error.problem).toBe('this is a directory, not a regular file');
    // The hint fits a folder: it names the file to point to, not pipes and devices.
    expect(error.message).toBe(`${join(tmp.dir, 'folder.annotations.tsv')}: this is a directory, not a regular file. Point to a dataset file inside it (a whole dataset folder is given with --data-dir)`);
  });

  it('validate through the CLI with a pipe as --img-tsv: a usage error naming the option, exit 2, at once', async () => {
    const r = await cli(['validate', '--ann-tsv', split.annotationsTsv, '--img-tsv', fifo, '--quiet'], { cwd: tmp.dir, timeoutMs: 10_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`humanref-vis: --img-tsv ${fifo}: the path is a pipe (FIFO), not a regular file; give a regular file (pipes and devices cannot be read)\n`);
  });

  it('`index` on a pipe or a folder, or with an unwritable -o: one line naming the path, no stack trace', async () => {
    const pipe = await cli(['index', fifo], { cwd: tmp.dir, timeoutMs: 10_000 });
    expect([pipe.code, pipe.stderr]).toEqual([1, `humanref-vis: ${fifo}: this is a pipe, not a regular file. Point to the dataset file itself (pipes and devices cannot be read by offset)\n`]);
    const folder = await cli(['index', tmp.dir], { cwd: tmp.dir });
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/: this is a directory, not a regular file\. /);
    const target = join(tmp.dir, 'no-such-folder', 'x.lineidx');
    const unwritable = await cli(['index', split.annotationsTsv, '-o', target], { cwd: tmp.dir });
    expect([unwritable.code, unwritable.stderr]).toEqual([2, `humanref-vis: cannot write ${target}: its folder does not exist (ENOENT). Create the folder or choose another place with -o <path>\n`]);
  });
});
