// index's run in process: the .lineidx it writes, the count it prints, and the -o that would overwrite the TSV.
import { mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIndex, writeLineidx } from '../../src/runs/index-run.js';
import { capture } from './fake-splits.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'index-run-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('runIndex', () => {
  it('writes <tsv>.lineidx with each line start and says how many lines it holds', async () => {
    const tsv = join(dir, 'a.tsv');
    await writeFile(tsv, 'ab\ncde\nf\n');
    const { out, io } = capture();
    expect(await runIndex({ tsv }, io)).toBe(0);
    expect((await readFile(tsv + '.lineidx', 'utf8')).split('\n').filter(Boolean)).toEqual(['0', '3', '7']);
    expect(out.join('')).toBe(`${tsv}.lineidx: 3 lines indexed\n`);
  });

  it('writes to -o, says "1 line", and leaves no temporary file beside it', async () => {
    const tsv = join(dir, 'one.tsv');
    await writeFile(tsv, 'only\n');
    const out = join(dir, 'elsewhere.idx');
    const cap = capture();
    await runIndex({ tsv, output: out }, cap.io);
    expect(cap.out.join('')).toBe(`${out}: 1 line indexed\n`);
    expect(await readFile(out, 'utf8')).toMatch(/^0\s*$/);
    expect((await readdir(dir)).filter((f) => f.includes('elsewhere'))).toEqual(['elsewhere.idx']);
  });

  it('refuses -o naming the TSV itself, also through a symlink, and leaves the TSV as it was', async () => {
    const tsv = join(dir, 'keep.tsv');
    await writeFile(tsv, 'x\ny\n');
    const link = join(dir, 'link.tsv');
    await symlink(tsv, link);
    const { io } = capture();
    await expect(runIndex({ tsv, output: tsv }, io)).rejects.toThrow(/is the TSV being indexed/);
    await expect(runIndex({ tsv: link, output: tsv }, io)).rejects.toThrow(/is the TSV being indexed/);
    expect(await readFile(tsv, 'utf8')).toBe('x\ny\n');
  });

  it('writeLineidx refuses an empty file instead of writing an empty index', async () => {
    const tsv = join(dir, 'empty.tsv');
    await writeFile(tsv, '');
    await expect(writeLineidx(tsv)).rejects.toThrow(/empty/);
    expect(await readdir(dir)).not.toContain('empty.tsv.lineidx');
  });
});
