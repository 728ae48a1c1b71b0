// The default command end to end on bad input: missing files, an unusable --output-dir, broken fixtures, a closed stdout.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliInProcess, FIXTURES, isImage, listFiles, tempDirForFile } from './cli.js';
import { cases } from '../fixtures/cases.js';

const MAIN = cases.splits.main.samples;

// An empty working folder: no dataset at the default places.
const tmp = tempDirForFile('e2e');

const images = (files: string[]) => files.filter(isImage);

describe('visualize errors and exit codes', () => {
  it('a path the user gave that does not exist is a usage error naming it (exit 2)', async () => {
    const r = await cliInProcess(['--ann_tsv', 'nope/x.annotations.tsv', '--img_tsv', 'nope/x.images.tsv'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope/x.annotations.tsv');
    const d = await cliInProcess(['--data-dir', 'no-such-dir'], { cwd: tmp.dir });
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('no-such-dir');
  });

  it('bad option values are usage errors (exit 2)', async () => {
    for (const args of [['--num-vis', '0'], ['--indices', '3-1'], ['--shard', '4/3'], ['--only', 'nice'], ['--filter', '('], ['--format', 'gif'], ['--concurrency', '0']]) {
      const r = await cliInProcess([...args, '--output-dir', 'never'], { cwd: tmp.dir });
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect((await listFiles(tmp.dir)).includes('never')).toBe(false);
  });

  it('an output folder that cannot be created gives one clear error', async () => {
    await writeFile(join(tmp.dir, 'a-file'), 'x');
    const r = await cliInProcess(['--num-vis', '3', '--output-dir', 'a-file/out'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => l.includes('cannot write'))).toHaveLength(1);
  });

  it('a broken sample in the middle of a run leaves every other image written and exits 1', async () => {
    const r = await cliInProcess(['--data-dir', join(FIXTURES, 'broken/invalid-json'), '--num-vis', 'all', '--output-dir', 'broken-run'], { cwd: tmp.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 rendered, 1 failed/);
    expect(r.stderr).toMatch(/sample 1, byte offset 696/);
    const files = await listFiles(join(tmp.dir, 'broken-run'));
    expect(images(files)).toEqual(['main_000000.png', 'main_000002.png']);
    const manifest = await readFile(join(tmp.dir, 'broken-run', 'manifest.csv'), 'utf8');
    expect(manifest).toMatch(/\n1,main,696,.*,failed,/);
  });

  it('a closed stdout (`| head -1`) stops the run cleanly instead of crashing', async () => {
    const r = await cli(['--num-vis', 'all', '--json', '--concurrency', '1', '--output-dir', 'piped'], {
      cwd: tmp.dir,
      onSpawn: (child) => {
        child.stdout!.once('data', () => child.stdout!.destroy());
      },
    });
    expect(r.stderr).not.toMatch(/unexpected error|EPIPE/);
    expect(r.stderr).toMatch(/stopped early: stdout was closed/);
    expect(r.code).toBe(141);
    expect(await listFiles(join(tmp.dir, 'piped'))).toContain('manifest.csv');
  });

  it.each([['--help'], ['eval', '--help'], ['inspect', '0']])('%s into a closed pipe ends quietly with 141, no stack trace', async (...args) => {
    const r = await cli(args, { cwd: tmp.dir, onSpawn: (child) => child.stdout!.destroy() });
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|at .*\.js/);
    expect(r.code).toBe(141);
  });

  it('--strict turns warnings into exit 1', async () => {
    const warned = MAIN.find((s) => s.tags.includes('box-zero-width'))!.index;
    const r = await cliInProcess(['--split', 'main', '--indices', String(warned), '--strict', '--output-dir', 'strict'], { cwd: tmp.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/zero-size box/);
    // --quiet still says why the run failed.
    const quiet = await cliInProcess(['--split', 'main', '--indices', String(warned), '--strict', '--quiet', '--output-dir', 'strict-quiet'], { cwd: tmp.dir });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toMatch(/1 with warnings/);
    expect(quiet.stderr).toMatch(/warning: main sample \d+: Person \d+: zero-size box/);
  });

  // SIGINT and SIGTERM are tested in test/robustness/cli-interrupt.test.ts on a split big enough to still be running.
});
