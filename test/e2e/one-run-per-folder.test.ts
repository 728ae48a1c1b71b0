// Two runs writing one output folder at once (shards side by side) would drop each other's manifest rows: the second
// is refused while the first is alive; a lock left by a dead run is taken over; a finished run leaves no lock.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, listFiles, tempDirForEachTest } from '../cli.js';

const tmp = tempDirForEachTest('one-run');
const SAMPLE = join(FIXTURES, 'sample');
const GT = join(FIXTURES, 'eval', 'annotations.jsonl');
const PRED = join(FIXTURES, 'eval', 'pred_model_a.jsonl');
const LOCK = '.humanref-vis.lock';

/** A pid that is certainly dead: above Linux's largest pid. */
const DEAD_PID = 4_194_305;

describe('one run at a time per output folder', () => {
  it('visualize is refused (exit 2, nothing written) while a live process holds the folder', async () => {
    const out = join(tmp.dir, 'out');
    await mkdir(out);
    // This test process stands for a run still under way.
    await writeFile(join(out, LOCK), `${process.pid}\n`);
    const r = await cli(['--data-dir', SAMPLE, '--split', 'main', '--indices', '0,1', '--output-dir', out], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`another humanref-vis run (pid ${process.pid}) is writing to ${out}`);
    expect(await listFiles(out)).toEqual([LOCK]);
  });

  it('eval is refused likewise', async () => {
    const out = join(tmp.dir, 'eval');
    await mkdir(out);
    await writeFile(join(out, LOCK), `${process.pid}\n`);
    const r = await cli(['eval', '--gt', GT, '--pred', PRED, '--no-pictures', '--output-dir', out], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(2);
    expect(await listFiles(out)).toEqual([LOCK]);
  });

  it("a dead run's lock is taken over, and a finished run leaves none", async () => {
    const out = join(tmp.dir, 'stale');
    await mkdir(out);
    await writeFile(join(out, LOCK), `${DEAD_PID}\n`);
    const r = await cli(['--data-dir', SAMPLE, '--split', 'main', '--indices', '0,1', '--output-dir', out], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    const files = await listFiles(out);
    expect(files).not.toContain(LOCK);
    expect(files).toContain('manifest.csv');
    const e = await cli(['eval', '--gt', GT, '--pred', PRED, '--no-pictures', '--output-dir', out], { cwd: tmp.dir });
    expect(e.code, e.stderr).toBe(0);
    expect(await listFiles(out)).not.toContain(LOCK);
  });

  it('two shards started together into one folder: the second is refused, the first keeps all its rows', async () => {
    const out = join(tmp.dir, 'shards');
    const args = (k: number) => ['--data-dir', SAMPLE, '--num-vis', 'all', '--shard', `${k}/2`, '--output-dir', out, '--quiet'];
    const [a, b] = await Promise.all([cli(args(1), { cwd: tmp.dir }), cli(args(2), { cwd: tmp.dir })]);
    const codes = [a.code, b.code].sort();
    // Either the runs overlapped (one refused) or one ended before the other began (both fine, rows merged).
    const manifest = (await readFile(join(out, 'manifest.csv'), 'utf8')).trim().split('\n').slice(1);
    if (codes[1] === 2) {
      expect(codes, a.stderr + b.stderr).toEqual([0, 2]);
      expect(manifest.length).toBe(10);
    } else {
      expect(codes).toEqual([0, 0]);
      expect(manifest.length).toBe(20);
    }
    expect(await listFiles(out)).not.toContain(LOCK);
  });
});
