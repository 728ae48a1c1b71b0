// The default command end to end on the bundled sample and the broken fixtures.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIndexScript } from '../../src/viewer/data-files.js';
import { cliInProcess, isImage, isTemp, listFiles, tempDirForFile } from '../e2e/cli.js';
import { cases } from '../fixtures/cases.js';

const MAIN = cases.splits.main.samples;
const REJECTION = cases.splits.rejection.samples;
const TOTAL = MAIN.length + REJECTION.length;

// An empty working folder: no dataset at the default places.
const tmp = tempDirForFile('e2e');

const images = (files: string[]) => files.filter(isImage);

describe('visualize on the bundled sample', () => {
  it('`--num_vis 50` with no subcommand renders everything, says it used the bundled sample, writes manifest and viewer', async () => {
    const r = await cliInProcess(['--num_vis', '50', '--output_dir', 'out', '--concurrency', '2'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bundled sample/);
    expect(r.stderr).toMatch(new RegExp(`${TOTAL} rendered, 0 failed`));
    const files = await listFiles(join(tmp.dir, 'out'));
    expect(images(files)).toEqual([
      ...MAIN.map((s) => `main_${String(s.index).padStart(6, '0')}.png`),
      ...REJECTION.map((s) => `rejection_${String(s.index).padStart(6, '0')}.png`),
    ]);
    expect(files).toContain('manifest.csv');
    expect(files).toContain('index.html');
    expect(files.filter(isTemp)).toEqual([]);
    const manifest = (await readFile(join(tmp.dir, 'out', 'manifest.csv'), 'utf8')).trim().split('\n');
    expect(manifest[0]).toBe('index,split,ann_offset,img_offset,image_key,expression,candidates,targets,cot_targets,consistent,warnings,file,status,error,run');
    expect(manifest).toHaveLength(TOTAL + 1);
    // The viewer: its index lists every picture, and each rendered sample has its data and photo beside it.
    const viewer = await readIndexScript(join(tmp.dir, 'out', 'viewer-index.js'));
    expect(viewer?.entries.map((e) => e[1])).toEqual(images(files));
    const data = await listFiles(join(tmp.dir, 'out', 'viewer-data'));
    expect(data.filter((f) => f.endsWith('.js'))).toEqual(images(files).map((f) => f.replace(/\.png$/, '.js')));
  });

  it('the same command twice gives the same file names and identical bytes', async () => {
    const args = ['--num-vis', '4', '--seed', '11', '--concurrency', '2', '--fast'];
    const a = await cliInProcess([...args, '--output-dir', 'same-a'], { cwd: tmp.dir });
    const b = await cliInProcess([...args, '--output-dir', 'same-b'], { cwd: tmp.dir });
    expect([a.code, b.code]).toEqual([0, 0]);
    const filesA = await listFiles(join(tmp.dir, 'same-a'));
    expect(filesA).toEqual(await listFiles(join(tmp.dir, 'same-b')));
    expect(images(filesA)).toHaveLength(4);
    expect(filesA).toContain('run.json');
    expect(await listFiles(join(tmp.dir, 'same-a', 'viewer-data'))).toEqual(await listFiles(join(tmp.dir, 'same-b', 'viewer-data')));
    // Pictures and viewer data are byte-identical (no clock in rendering). What names the run itself differs: its
    // start time (manifest's run column, run.json) and command line (run.json, the viewer's list of runs).
    const runOwn = new Set(['viewer-data', 'run.json', 'manifest.csv', 'viewer-index.js']);
    const all = [...filesA.filter((f) => !runOwn.has(f)), ...(await listFiles(join(tmp.dir, 'same-a', 'viewer-data'))).map((f) => `viewer-data/${f}`)];
    for (const file of all) {
      const [x, y] = await Promise.all([readFile(join(tmp.dir, 'same-a', file)), readFile(join(tmp.dir, 'same-b', file))]);
      expect(x.equals(y), file).toBe(true);
    }
    const withoutRun = async (d: string) => (await readFile(join(tmp.dir, d, 'manifest.csv'), 'utf8')).replace(/,[^,\n]*\n/g, '\n');
    expect(await withoutRun('same-a')).toBe(await withoutRun('same-b'));
  });

  it('different seeds pick different samples', async () => {
    const picks = async (seed: string) => {
      const r = await cliInProcess(['--num-vis', '5', '--seed', seed, '--json', '--quiet', '--output-dir', `seed-${seed}`, '--fast'], { cwd: tmp.dir });
      expect(r.code).toBe(0);
      return r.stdout.trim().split('\n').map((l) => `${JSON.parse(l).split}:${JSON.parse(l).index}`);
    };
    const [one, two] = [await picks('1'), await picks('2')];
    expect(one).toHaveLength(5);
    expect(one).not.toEqual(two);
  });

  it('--indices picks exactly those samples of the chosen split', async () => {
    const r = await cliInProcess(['--split', 'main', '--indices', '0,3,5-6', '--json', '--output-dir', 'idx', '--fast'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((x) => x.index)).toEqual([0, 3, 5, 6]);
    expect(images(await listFiles(join(tmp.dir, 'idx')))).toEqual(['main_000000.png', 'main_000003.png', 'main_000005.png', 'main_000006.png']);
  });

  it('--filter picks exactly the samples whose expression matches', async () => {
    const json = async (args: string[]) => {
      const r = await cliInProcess([...args, '--num-vis', 'all', '--json', '--quiet', '--output-dir', 'filtered', '--fast'], { cwd: tmp.dir });
      expect(r.code).toBe(0);
      return r.stdout.trim() === '' ? [] : r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    };
    const wanted = MAIN.filter((s) => s.expressions.some((e) => /bag/i.test(e))).map((s) => s.index);
    expect(wanted.length).toBeGreaterThan(0);
    expect((await json(['--split', 'main', '--filter', 'BAG'])).map((x) => x.index)).toEqual(wanted);
  });

  it('--only inconsistent|warned|rejection picks exactly those samples', async () => {
    const json = async (args: string[]) => {
      const r = await cliInProcess([...args, '--num-vis', 'all', '--json', '--quiet', '--output-dir', 'only', '--fast'], { cwd: tmp.dir });
      expect(r.code).toBe(0);
      return r.stdout.trim() === '' ? [] : r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    };
    const inconsistent = await json(['--only', 'inconsistent']);
    expect(inconsistent.map((x) => `${x.split}:${x.index}`)).toEqual(MAIN.filter((s) => s.tags.includes('inconsistent')).map((s) => `main:${s.index}`));
    const warned = await json(['--only', 'warned']);
    const validate = await cliInProcess(['validate', '--json', '--quiet'], { cwd: tmp.dir });
    const findings = validate.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((p) => p.level === 'warning' && p.code !== 'text-label-disagreement');
    expect(warned.map((x) => `${x.split}:${x.index}`)).toEqual([...new Set(findings.map((p) => `${p.split}:${p.index}`))]);
    expect(warned.every((x) => x.warnings.length > 0)).toBe(true);
    const rejection = await json(['--only', 'rejection']);
    expect(rejection.map((x) => `${x.split}:${x.index}`)).toEqual(REJECTION.map((s) => `rejection:${s.index}`));
  });

  it('--json prints one record per sample, following the schema', async () => {
    const r = await cliInProcess(['--split', 'main', '--indices', '0,2', '--json', '--output-dir', 'json', '--fast'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const x = JSON.parse(line);
      const truth = MAIN[x.index];
      expect(Object.keys(x)).toEqual(['status', 'index', 'split', 'annOffset', 'imgOffset', 'imageKey', 'image', 'expressions', 'candidates', 'targets', 'cotTargets', 'consistent', 'rejection', 'warnings', 'output']);
      expect(x.split).toBe('main');
      expect(x.imageKey).toBe(truth.imageKey);
      expect(x.image).toEqual({ width: truth.width, height: truth.height, format: expect.any(String) });
      expect(x.expressions).toEqual(truth.expressions);
      expect(x.targets).toEqual(truth.targets);
      expect(x.rejection).toBe(false);
      expect(x.candidates).toHaveLength(truth.gtBoxes.length);
      x.candidates.forEach((c: { person: number; box: number[]; target: boolean; verdict: string | null }, i: number) => {
        const [bx, by, bw, bh] = truth.gtBoxes[i];
        expect(c.person).toBe(i + 1);
        expect(c.box[0]).toBe(bx);
        expect(c.box[1]).toBe(by);
        expect(c.box[2]).toBeCloseTo(bx + bw, 6);
        expect(c.box[3]).toBeCloseTo(by + bh, 6);
        expect(c.target).toBe(truth.targets.includes(i + 1));
        expect(c.verdict).toBe(truth.verdicts[i]);
      });
      expect(x.output).toBe(join(tmp.dir, 'json', `main_${String(x.index).padStart(6, '0')}.png`));
    }
  });

  it('--shard splits the selection: the shards together are the whole selection, each sample once', async () => {
    const shard = async (k: number) => {
      const r = await cliInProcess(['--num-vis', '9', '--shard', `${k}/3`, '--json', '--quiet', '--output-dir', `shard-${k}`, '--fast'], { cwd: tmp.dir });
      expect(r.code).toBe(0);
      return r.stdout.trim().split('\n').map((l) => `${JSON.parse(l).split}:${JSON.parse(l).index}`);
    };
    const all = await cliInProcess(['--num-vis', '9', '--json', '--quiet', '--output-dir', 'shard-all', '--fast'], { cwd: tmp.dir });
    const whole = all.stdout.trim().split('\n').map((l) => `${JSON.parse(l).split}:${JSON.parse(l).index}`);
    const parts = [await shard(1), await shard(2), await shard(3)];
    expect(parts.map((p) => p.length)).toEqual([3, 3, 3]);
    expect(parts.flat().sort()).toEqual([...whole].sort());
  });

  it('--format jpeg and webp write those formats', async () => {
    for (const [format, ext, magic] of [['jpeg', 'jpg', 'ffd8ff'], ['webp', 'webp', '52494646']] as const) {
      const r = await cliInProcess(['--split', 'main', '--indices', '1', '--format', format, '--output-dir', `fmt-${format}`], { cwd: tmp.dir });
      expect(r.code).toBe(0);
      const bytes = await readFile(join(tmp.dir, `fmt-${format}`, `main_000001.${ext}`));
      expect(bytes.subarray(0, magic.length / 2).toString('hex')).toBe(magic);
    }
  });
});
