// A second eval into the same folder: run.json lists both runs with their inputs, and the first run's metrics.json,
// metrics.md and samples.jsonl are kept under earlier/<its run id>/ instead of being replaced.
import { spawnSync } from 'node:child_process';
import { lstat, mkdir, readFile, readdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess, FIXTURES, tempDirForFile } from '../e2e/cli.js';

const EVAL = join(FIXTURES, 'eval');
const GT = join(EVAL, 'annotations.jsonl');
const IMAGES = join(EVAL, 'images');
const PA = join(EVAL, 'pred_model_a.jsonl');
const PB = join(EVAL, 'pred_model_b.jsonl');

const cwd = tempDirForFile('eval-runs');

const runLog = async (out: string) => JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { runs: Record<string, any>[] };
const folderName = (id: string) => id.replaceAll(':', '-');

describe('eval: run.json and a second run into the same folder', () => {
  it('run.json lists both runs with their inputs; the first run\'s metrics and records move to earlier/<its id>/', async () => {
    const out = join(cwd.dir, 'twice');
    const first = await cliInProcess(['eval', '--gt', GT, '--images', IMAGES, '--pred', PA, '--names', 'A', '--output_dir', out, '--num_vis', '1', '--seed', '3'], { cwd: cwd.dir });
    expect(first.code).toBe(0);
    expect(first.stderr).not.toMatch(/earlier/);
    const firstFiles = Object.fromEntries(await Promise.all(['metrics.json', 'metrics.md', 'samples.jsonl'].map(async (f) => [f, await readFile(join(out, f), 'utf8')])));

    const second = await cliInProcess(['eval', '--gt', GT, '--pred', PA, PB, '--names', 'A,B', '--output_dir', out, '--no-pictures'], { cwd: cwd.dir });
    expect(second.code).toBe(0);

    const { runs } = await runLog(out);
    expect(runs).toHaveLength(2);
    const [r1, r2] = runs;
    expect(r1).toMatchObject({ command: 'eval', seed: 3, exitCode: 0, counts: { selected: 1, rendered: 1, failed: 0 } });
    expect(r1.endedAt).not.toBeNull();
    expect(r1.argv).toContain('--seed');
    expect(r1.inputs).toEqual([
      { role: 'ground-truth', path: GT, size: (await stat(GT)).size },
      { role: 'images', path: IMAGES, size: null },
      { role: 'predictions', path: PA, size: (await stat(PA)).size, model: 'A' },
    ]);
    expect(r2).toMatchObject({ command: 'eval', exitCode: 0, counts: { selected: 0, rendered: 0, failed: 0 } });
    expect(r2.options).toMatchObject({ pictures: false, models: ['A', 'B'] });
    // images/ beside --gt is the default images folder.
    expect(r2.inputs.map((i: { role: string; model?: string }) => [i.role, i.model])).toEqual([['ground-truth', undefined], ['images', undefined], ['predictions', 'A'], ['predictions', 'B']]);
    expect(r2.inputs[3]).toMatchObject({ path: PB, size: (await stat(PB)).size });

    // The first run's files, byte for byte, under the folder named after its id; the new ones in their place.
    const kept = join(out, 'earlier', folderName(r1.id));
    expect(second.stderr).toContain(`moved to ${kept}`);
    expect(second.stderr.split('\n').filter((l) => l.includes('earlier'))).toHaveLength(1);
    expect((await readdir(kept)).sort()).toEqual(['metrics.json', 'metrics.md', 'samples.jsonl']);
    for (const [name, text] of Object.entries(firstFiles)) expect(await readFile(join(kept, name), 'utf8')).toBe(text);
    expect(JSON.parse(firstFiles['metrics.json']).run).toBe(r1.id);
    const now = JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8'));
    expect(now.run).toBe(r2.id);
    expect(now.model_order).toEqual(['A', 'B']);
  });

  it('records a command one can type again (humanref-vis and the arguments as typed, in cwd) and every option as eval used it', async () => {
    const out = join(cwd.dir, 'command');
    const args = ['eval', '--gt', GT, '--images', IMAGES, '--pred', PA, '--names', 'my model', '--output_dir', out, '--indices', '0-3', '--num-vis', '2', '--only', 'wrong', '--shard', '1/2', '--worst', '2', '--filter', 'the'];
    expect((await cliInProcess(args, { cwd: cwd.dir })).code).toBe(0);
    const [run] = (await runLog(out)).runs;
    expect(run.argv).toEqual(['humanref-vis', ...args]);
    expect(run.cwd).toBe(cwd.dir);
    // The same options visualize records, resolved, and eval's own.
    expect(run.options).toMatchObject({
      outputDir: out, numVis: 2, seed: 0, indices: '0-3', shard: '1/2', filter: 'the', only: ['wrong'], format: 'png',
      models: ['my model'], pictures: true, worst: 2, names: 'my model',
    });
    // The viewer's header shows the same command line, quoted for a shell.
    const script = await readFile(join(out, 'viewer-index.js'), 'utf8');
    expect(script).toContain(`"command":"humanref-vis eval --gt ${GT}`);
    expect(script).toContain("--names 'my model'");
  });

  it('never overwrites what earlier/ holds; files of an eval that wrote no run id are named by their time', async () => {
    const out = join(cwd.dir, 'legacy');
    await mkdir(out);
    // An eval of the previous release: no run.json, metrics.json without "run".
    await writeFile(join(out, 'metrics.json'), '{"models":{}}\n');
    await writeFile(join(out, 'samples.jsonl'), '{"id":"old"}\n');
    const when = new Date('2026-03-04T05:06:07.000Z');
    await utimes(join(out, 'metrics.json'), when, when);
    await utimes(join(out, 'samples.jsonl'), when, when);
    // Something already sits at the name those files would get.
    const taken = join(out, 'earlier', '2026-03-04T05-06-07.000Z');
    await mkdir(taken, { recursive: true });
    await writeFile(join(taken, 'metrics.json'), 'keep me');

    const r = await cliInProcess(['eval', '--gt', GT, '--pred', PA, '--output_dir', out, '--no-pictures'], { cwd: cwd.dir });
    expect(r.code).toBe(0);
    expect(await readFile(join(taken, 'metrics.json'), 'utf8')).toBe('keep me');
    const next = `${taken}-2`;
    expect(r.stderr).toContain(`moved to ${next}`);
    expect((await readdir(next)).sort()).toEqual(['metrics.json', 'samples.jsonl']);
    expect(await readFile(join(next, 'samples.jsonl'), 'utf8')).toBe('{"id":"old"}\n');
    expect((await runLog(out)).runs).toHaveLength(1);
  });

  it('a hand-edited metrics.json run id of 300 characters names a folder cut to 100, and every later eval still runs', async () => {
    const out = join(cwd.dir, 'long-id');
    await mkdir(out);
    await writeFile(join(out, 'metrics.json'), JSON.stringify({ run: 'x'.repeat(300), models: {} }));
    for (const round of [1, 2]) {
      const r = await cliInProcess(['eval', '--gt', GT, '--pred', PA, '--output_dir', out, '--no-pictures'], { cwd: cwd.dir });
      expect(r.code, `${round}: ${r.stderr}`).toBe(0);
    }
    const kept = await readdir(join(out, 'earlier'));
    expect(kept).toContain('x'.repeat(100));
    expect(Math.max(...kept.map((k) => k.length))).toBe(100);
  });

  it('a folder at metrics.json and a FIFO at samples.jsonl are moved to earlier/ with the rest, not replaced', async () => {
    const out = join(cwd.dir, 'odd-things');
    await mkdir(join(out, 'metrics.json'), { recursive: true });
    await writeFile(join(out, 'metrics.json', 'inside'), 'kept');
    spawnSync('mkfifo', [join(out, 'samples.jsonl')]);
    const r = await cliInProcess(['eval', '--gt', GT, '--pred', PA, '--output_dir', out, '--no-pictures'], { cwd: cwd.dir });
    expect(r.code, r.stderr).toBe(0);
    const [kept] = await readdir(join(out, 'earlier'));
    expect(await readFile(join(out, 'earlier', kept, 'metrics.json', 'inside'), 'utf8')).toBe('kept');
    expect((await lstat(join(out, 'earlier', kept, 'samples.jsonl'))).isFIFO()).toBe(true);
    expect((await stat(join(out, 'metrics.json'))).isFile()).toBe(true);
  });

  it('a symlink planted at earlier/ is refused, so no file moves out of the output folder', async () => {
    const out = join(cwd.dir, 'planted');
    const elsewhere = join(cwd.dir, 'elsewhere');
    await mkdir(out);
    await mkdir(elsewhere);
    await symlink(elsewhere, join(out, 'earlier'));
    expect((await cliInProcess(['eval', '--gt', GT, '--pred', PA, '--output_dir', out, '--no-pictures'], { cwd: cwd.dir })).code).toBe(0);
    const first = await readFile(join(out, 'metrics.json'), 'utf8');
    const r = await cliInProcess(['eval', '--gt', GT, '--pred', PA, '--output_dir', out, '--no-pictures'], { cwd: cwd.dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/earlier.*symbolic link/);
    expect(await readdir(elsewhere)).toEqual([]);
    expect(await readFile(join(out, 'metrics.json'), 'utf8')).toBe(first);
  });

  it('a run.json that is not ours is kept under another name with a warning, as visualize does', async () => {
    const out = join(cwd.dir, 'foreign');
    await mkdir(out);
    await writeFile(join(out, 'run.json'), '{"name": "someone else\'s"}');
    const r = await cliInProcess(['eval', '--gt', GT, '--pred', PA, '--output_dir', out, '--no-pictures'], { cwd: cwd.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*run\.json could not be read back as the run log \(no "runs" list\); it was kept as .*run\.unreadable-\d+\.json and a new one started/);
    const aside = (await readdir(out)).filter((f) => /^run\.unreadable-\d+\.json$/.test(f));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(out, aside[0]), 'utf8')).toBe('{"name": "someone else\'s"}');
    const { runs } = await runLog(out);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ command: 'eval', exitCode: 0 });

    // Broken JSON too.
    const broken = join(cwd.dir, 'broken');
    await mkdir(broken);
    await writeFile(join(broken, 'run.json'), '{"runs": [');
    const b = await cliInProcess(['eval', '--gt', GT, '--pred', PA, '--output_dir', broken, '--no-pictures'], { cwd: cwd.dir });
    expect(b.code).toBe(0);
    expect(b.stderr).toMatch(/run\.json could not be read .*kept as .*run\.unreadable-\d+\.json/);
    expect((await runLog(broken)).runs).toHaveLength(1);
  });

  it('a run that stops (no usable ground truth) still ends its run.json entry, and replaces nothing', async () => {
    const out = join(cwd.dir, 'stops');
    expect((await cliInProcess(['eval', '--gt', GT, '--pred', PA, '--output_dir', out, '--no-pictures'], { cwd: cwd.dir })).code).toBe(0);
    const before = await readFile(join(out, 'metrics.json'), 'utf8');
    const empty = join(cwd.dir, 'empty.jsonl');
    await writeFile(empty, '');
    const r = await cliInProcess(['eval', '--gt', empty, '--pred', PA, '--output_dir', out, '--no-pictures'], { cwd: cwd.dir });
    expect(r.code).toBe(1);
    expect(await readFile(join(out, 'metrics.json'), 'utf8')).toBe(before);
    const { runs } = await runLog(out);
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ exitCode: 1, counts: { selected: 0, rendered: 0, failed: 0 } });
    expect(runs[1].endedAt).not.toBeNull();
  });
});
