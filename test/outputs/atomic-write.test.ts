import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { prepareOutputDir, writeFileAtomic } from '../../src/outputs/atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the file and leaves no temp file behind', async () => {
    await writeFileAtomic(dir, 'a.png', Buffer.from('one'));
    await writeFileAtomic(dir, 'a.png', Buffer.from('two'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileAtomic(dir, `f${i}.txt`, `n${i}`)));
    const files = await readdir(dir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files).toHaveLength(21);
    expect(await readFile(path.join(dir, 'a.png'), 'utf8')).toBe('two');
  });

  it('throws one OutputError when the folder is gone, and leaves no temp file', async () => {
    const gone = path.join(dir, 'missing');
    await expect(writeFileAtomic(gone, 'a.png', 'x')).rejects.toBeInstanceOf(OutputError);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('prepareOutputDir', () => {
  it('creates nested folders and leaves nothing in them', async () => {
    const out = path.join(dir, 'a', 'b');
    await prepareOutputDir(out);
    expect(await readdir(out)).toEqual([]);
  });

  it('fails with a message naming the folder when it cannot exist', async () => {
    await writeFile(path.join(dir, 'file'), 'x');
    const bad = path.join(dir, 'file', 'sub');
    await expect(prepareOutputDir(bad)).rejects.toThrow(new RegExp(`cannot write ${bad.replace(/[/\\]/g, '.')}`));
  });
});

describe('prepareOutputDir and stale temp files', () => {
  it('removes temp files left by dead processes, keeps live ones and everything else', async () => {
    // A pid far above pid_max (4194304 on Linux) cannot be alive.
    const dead = 99_999_999;
    const stale = [`.main_000001.png.${dead}.3.tmp`, `.manifest.csv.${dead}.1.tmp`, `.humanref-vis-probe.${dead}.tmp`];
    const kept = [`.main_000002.png.${process.pid}.7.tmp`, 'notes.tmp', '.hidden', 'main_000001.png', `.x.${dead}.tmp`];
    for (const name of [...stale, ...kept]) await writeFile(path.join(dir, name), 'x');
    await prepareOutputDir(dir);
    expect((await readdir(dir)).sort()).toEqual([...kept].sort());
  });
});
