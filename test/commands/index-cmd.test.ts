// `index <tsv> -o <path>`: an output path that is the TSV itself (directly or through a symlink) is refused, so a
// slip of the shell never replaces a dataset file with its index.
import { copyFile, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess, FIXTURES, tempDirForEachTest } from '../cli.js';

const tmp = tempDirForEachTest('index-cmd');
const TSV = join(FIXTURES, 'sample', 'humanref_cot.annotations.tsv');

describe('index -o', () => {
  it('refuses to write the index over the TSV it indexes (exit 2, the TSV unchanged)', async () => {
    const tsv = join(tmp.dir, 'a.tsv');
    await copyFile(TSV, tsv);
    const before = await readFile(tsv);
    const r = await cliInProcess(['index', tsv, '-o', tsv], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/is the TSV being indexed/);
    expect(await readFile(tsv)).toEqual(before);
  });

  it('refuses it when the TSV is named through a symlink, too', async () => {
    const tsv = join(tmp.dir, 'real.tsv');
    await copyFile(TSV, tsv);
    const before = await readFile(tsv);
    await symlink(tsv, join(tmp.dir, 'link.tsv'));
    const r = await cliInProcess(['index', join(tmp.dir, 'link.tsv'), '-o', tsv], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(2);
    expect(await readFile(tsv)).toEqual(before);
  });

  it('still writes to any other path', async () => {
    const tsv = join(tmp.dir, 'b.tsv');
    await copyFile(TSV, tsv);
    const r = await cliInProcess(['index', tsv, '-o', join(tmp.dir, 'b.idx')], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    expect((await readFile(join(tmp.dir, 'b.idx'), 'utf8')).split('\n')[0]).toBe('0');
  });
});
