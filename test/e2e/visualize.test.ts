// The default command end to end on the bundled sample and the broken fixtures.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIndexScript } from '../../src/viewer/data-files.js';
import { cli, FIXTURES, listFiles, tempCwd } from './cli.js';

const cases = JSON.parse(await readFile(join(FIXTURES, 'cases.json'), 'utf8'));
const MAIN = cases.splits.main.samples as { index: number; tags: string[]; expressions: string[]; gtBoxes: number[][]; imageKey: string; width: number; height: number; targets: number[]; verdicts: (string | null)[] }[];
const REJECTION = cases.splits.rejection.samples as { index: number }[];
const TOTAL = MAIN.length + REJECTION.length;

let cwd: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir: cwd, cleanup } = await tempCwd());
});
afterAll(async () => {
  await cleanup();
});

const images = (files: string[]) => files.filter((f) => /\.(png|jpg|webp)$/.test(f));

describe('visualize on the bundled sample', () => {
  it('`--num_vis 50` with no subcommand renders everything, says it used the bundled sample, writes manifest and viewer', async () => {
    const r = await cli(['--num_vis', '50', '--output_dir', 'out', '--concurrency', '2'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bundled sample/);
    expect(r.stderr).toMatch(new RegExp(`${TOTAL} rendered, 0 failed`));
    const files = await listFiles(join(cwd, 'out'));
    expect(images(files)).toEqual([
      ...MAIN.map((s) => `main_${String(s.index).padStart(6, '0')}.png`),
      ...REJECTION.map((s) => `rejection_${String(s.index).padStart(6, '0')}.png`),
    ]);
    expect(files).toContain('manifest.csv');
    expect(files).toContain('index.html');
    expect(files.filter((f) => f.startsWith('.') || f.endsWith('.tmp'))).toEqual([]);
    const manifest = (await readFile(join(cwd, 'out', 'manifest.csv'), 'utf8')).trim().split('\n');
    expect(manifest[0]).toBe('index,split,ann_offset,img_offset,image_key,expression,candidates,targets,cot_targets,consistent,warnings,file,status,error');
    expect(manifest).toHaveLength(TOTAL + 1);
    // The viewer: its index lists every picture, and each rendered sample has its data and photo beside it.
    const viewer = await readIndexScript(join(cwd, 'out', 'viewer-index.js'));
    expect(viewer?.entries.map((e) => e[1])).toEqual(images(files));
    const data = await listFiles(join(cwd, 'out', 'viewer-data'));
    expect(data.filter((f) => f.endsWith('.js'))).toEqual(images(files).map((f) => f.replace(/\.png$/, '.js')));
  });

  it('the same command twice gives the same file names and identical bytes', async () => {
    const args = ['--num-vis', '4', '--seed', '11', '--concurrency', '2', '--fast'];
    const a = await cli([...args, '--output-dir', 'same-a'], { cwd });
    const b = await cli([...args, '--output-dir', 'same-b'], { cwd });
    expect([a.code, b.code]).toEqual([0, 0]);
    const filesA = await listFiles(join(cwd, 'same-a'));
    expect(filesA).toEqual(await listFiles(join(cwd, 'same-b')));
    expect(images(filesA)).toHaveLength(4);
    expect(await listFiles(join(cwd, 'same-a', 'viewer-data'))).toEqual(await listFiles(join(cwd, 'same-b', 'viewer-data')));
    const all = [...filesA.filter((f) => f !== 'viewer-data'), ...(await listFiles(join(cwd, 'same-a', 'viewer-data'))).map((f) => `viewer-data/${f}`)];
    for (const file of all) {
      const [x, y] = await Promise.all([readFile(join(cwd, 'same-a', file)), readFile(join(cwd, 'same-b', file))]);
      expect(x.equals(y), file).toBe(true);
    }
  });

  it('different seeds pick different samples', async () => {
    const picks = async (seed: string) => {
      const r = await cli(['--num-vis', '5', '--seed', seed, '--json', '--quiet', '--output-dir', `seed-${seed}`, '--fast'], { cwd });
      expect(r.code).toBe(0);
      return r.stdout.trim().split('\n').map((l) => `${JSON.parse(l).split}:${JSON.parse(l).index}`);
    };
    const [one, two] = [await picks('1'), await picks('2')];
    expect(one).toHaveLength(5);
    expect(one).not.toEqual(two);
  });

  it('--indices picks exactly those samples of the chosen split', async () => {
    const r = await cli(['--split', 'main', '--indices', '0,3,5-6', '--json', '--output-dir', 'idx', '--fast'], { cwd });
    expect(r.code).toBe(0);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((x) => x.index)).toEqual([0, 3, 5, 6]);
    expect(images(await listFiles(join(cwd, 'idx')))).toEqual(['main_000000.png', 'main_000003.png', 'main_000005.png', 'main_000006.png']);
  });

  it('--filter picks exactly the samples whose expression matches', async () => {
    const json = async (args: string[]) => {
      const r = await cli([...args, '--num-vis', 'all', '--json', '--quiet', '--output-dir', 'filtered', '--fast'], { cwd });
      expect(r.code).toBe(0);
      return r.stdout.trim() === '' ? [] : r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    };
    const wanted = MAIN.filter((s) => s.expressions.some((e) => /bag/i.test(e))).map((s) => s.index);
    expect(wanted.length).toBeGreaterThan(0);
    expect((await json(['--split', 'main', '--filter', 'BAG'])).map((x) => x.index)).toEqual(wanted);
  });

  it('--only inconsistent|warned|rejection picks exactly those samples', async () => {
    const json = async (args: string[]) => {
      const r = await cli([...args, '--num-vis', 'all', '--json', '--quiet', '--output-dir', 'only', '--fast'], { cwd });
      expect(r.code).toBe(0);
      return r.stdout.trim() === '' ? [] : r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    };
    const inconsistent = await json(['--only', 'inconsistent']);
    expect(inconsistent.map((x) => `${x.split}:${x.index}`)).toEqual(MAIN.filter((s) => s.tags.includes('inconsistent')).map((s) => `main:${s.index}`));
    const warned = await json(['--only', 'warned']);
    const validate = await cli(['validate', '--json', '--quiet'], { cwd });
    const findings = validate.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((p) => p.level === 'warning' && p.code !== 'text-label-disagreement');
    expect(warned.map((x) => `${x.split}:${x.index}`)).toEqual([...new Set(findings.map((p) => `${p.split}:${p.index}`))]);
    expect(warned.every((x) => x.warnings.length > 0)).toBe(true);
    const rejection = await json(['--only', 'rejection']);
    expect(rejection.map((x) => `${x.split}:${x.index}`)).toEqual(REJECTION.map((s) => `rejection:${s.index}`));
  });

  it('--json prints one record per sample, following the schema', async () => {
    const r = await cli(['--split', 'main', '--indices', '0,2', '--json', '--output-dir', 'json', '--fast'], { cwd });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const x = JSON.parse(line);
      const truth = MAIN[x.index];
      expect(Object.keys(x)).toEqual(['index', 'split', 'annOffset', 'imgOffset', 'imageKey', 'image', 'expressions', 'candidates', 'targets', 'cotTargets', 'consistent', 'rejection', 'warnings', 'output']);
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
      expect(x.output).toBe(join(cwd, 'json', `main_${String(x.index).padStart(6, '0')}.png`));
    }
  });

  it('--shard splits the selection: the shards together are the whole selection, each sample once', async () => {
    const shard = async (k: number) => {
      const r = await cli(['--num-vis', '9', '--shard', `${k}/3`, '--json', '--quiet', '--output-dir', `shard-${k}`, '--fast'], { cwd });
      expect(r.code).toBe(0);
      return r.stdout.trim().split('\n').map((l) => `${JSON.parse(l).split}:${JSON.parse(l).index}`);
    };
    const all = await cli(['--num-vis', '9', '--json', '--quiet', '--output-dir', 'shard-all', '--fast'], { cwd });
    const whole = all.stdout.trim().split('\n').map((l) => `${JSON.parse(l).split}:${JSON.parse(l).index}`);
    const parts = [await shard(1), await shard(2), await shard(3)];
    expect(parts.map((p) => p.length)).toEqual([3, 3, 3]);
    expect(parts.flat().sort()).toEqual([...whole].sort());
  });

  it('--format jpeg and webp write those formats', async () => {
    for (const [format, ext, magic] of [['jpeg', 'jpg', 'ffd8ff'], ['webp', 'webp', '52494646']] as const) {
      const r = await cli(['--split', 'main', '--indices', '1', '--format', format, '--output-dir', `fmt-${format}`], { cwd });
      expect(r.code).toBe(0);
      const bytes = await readFile(join(cwd, `fmt-${format}`, `main_000001.${ext}`));
      expect(bytes.subarray(0, magic.length / 2).toString('hex')).toBe(magic);
    }
  });
});

describe('visualize errors and exit codes', () => {
  it('a path the user gave that does not exist is a usage error naming it (exit 2)', async () => {
    const r = await cli(['--ann_tsv', 'nope/x.annotations.tsv', '--img_tsv', 'nope/x.images.tsv'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope/x.annotations.tsv');
    const d = await cli(['--data-dir', 'no-such-dir'], { cwd });
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('no-such-dir');
  });

  it('bad option values are usage errors (exit 2)', async () => {
    for (const args of [['--num-vis', '0'], ['--indices', '3-1'], ['--shard', '4/3'], ['--only', 'nice'], ['--filter', '('], ['--format', 'gif'], ['--concurrency', '0']]) {
      const r = await cli([...args, '--output-dir', 'never'], { cwd });
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect((await listFiles(cwd)).includes('never')).toBe(false);
  });

  it('an output folder that cannot be created gives one clear error', async () => {
    await writeFile(join(cwd, 'a-file'), 'x');
    const r = await cli(['--num-vis', '3', '--output-dir', 'a-file/out'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => l.includes('cannot write'))).toHaveLength(1);
  });

  it('a broken sample in the middle of a run leaves every other image written and exits 1', async () => {
    const r = await cli(['--data-dir', join(FIXTURES, 'broken/invalid-json'), '--num-vis', 'all', '--output-dir', 'broken-run'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 rendered, 1 failed/);
    expect(r.stderr).toMatch(/sample 1, byte offset 696/);
    const files = await listFiles(join(cwd, 'broken-run'));
    expect(images(files)).toEqual(['main_000000.png', 'main_000002.png']);
    const manifest = await readFile(join(cwd, 'broken-run', 'manifest.csv'), 'utf8');
    expect(manifest).toMatch(/\n1,main,696,.*,failed,/);
  });

  it('a closed stdout (`| head -1`) stops the run cleanly instead of crashing', async () => {
    const r = await cli(['--num-vis', 'all', '--json', '--concurrency', '1', '--output-dir', 'piped'], {
      cwd,
      onSpawn: (child) => {
        child.stdout!.once('data', () => child.stdout!.destroy());
      },
    });
    expect(r.stderr).not.toMatch(/unexpected error|EPIPE/);
    expect(r.stderr).toMatch(/stopped early: stdout was closed/);
    expect(r.code).toBe(141);
    expect(await listFiles(join(cwd, 'piped'))).toContain('manifest.csv');
  });

  it('--strict turns warnings into exit 1', async () => {
    const warned = MAIN.find((s) => s.tags.includes('box-zero-width'))!.index;
    const r = await cli(['--split', 'main', '--indices', String(warned), '--strict', '--output-dir', 'strict'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zero-size box/);
    // --quiet still says why the run failed.
    const quiet = await cli(['--split', 'main', '--indices', String(warned), '--strict', '--quiet', '--output-dir', 'strict-quiet'], { cwd });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toMatch(/1 with warnings/);
    expect(quiet.stderr).toMatch(/warning: main sample \d+: Person \d+: zero-size box/);
  });

  // SIGINT and SIGTERM are tested in test/robustness/cli-interrupt.test.ts on a split big enough to still be running.
});
