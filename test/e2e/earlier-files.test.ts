// A second run into a folder whose earlier manifest, run.json and viewer files are there but cannot be read: each is
// kept under another name with a warning, never replaced. Tests run as root, where mode 000 stops no read, so the
// unreadable case runs the second run as `nobody` (setpriv) on root-owned mode-600 files.
import { spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliInProcess, FIXTURES, tempDirForEachTest } from '../cli.js';

const tmp = tempDirForEachTest('earlier-files');
const SAMPLE = join(FIXTURES, 'sample');
const EARLIER = ['manifest.csv', 'run.json', 'viewer-index.js', 'viewer-text.js'];
const ASIDE: Record<string, RegExp> = {
  'manifest.csv': /^manifest\.unreadable-\d+\.csv$/,
  'run.json': /^run\.unreadable-\d+\.json$/,
  'viewer-index.js': /^viewer-index\.unreadable-\d+\.js$/,
  'viewer-text.js': /^viewer-text\.unreadable-\d+\.js$/,
};
const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
const asNobody = process.getuid?.() === 0 && spawnSync(NOBODY[0], [...NOBODY.slice(1), 'true']).status === 0;

/** A run in this process, or, with a prefix (another user), in a process of its own. */
const visualize = (out: string, indices: string, prefix?: string[]) => {
  const args = ['--data-dir', SAMPLE, '--split', 'main', '--indices', indices, '--fast', '--concurrency', '1', '--output-dir', out];
  return prefix ? cli(args, { cwd: tmp.dir, prefix }) : cliInProcess(args, { cwd: tmp.dir });
};

/** The set-aside file of each earlier file, by the name it had. */
async function asides(out: string): Promise<Record<string, string[]>> {
  const files = await readdir(out);
  return Object.fromEntries(EARLIER.map((name) => [name, files.filter((f) => ASIDE[name].test(f))]));
}

describe('earlier files that cannot be read back', () => {
  it.skipIf(!asNobody)('unreadable (EACCES, run as nobody): each is kept intact under another name with a warning, exit 0', async () => {
    await chmod(tmp.dir, 0o755);
    const out = join(tmp.dir, 'out');
    const first = await visualize(out, '0,1');
    expect(first.code, first.stderr).toBe(0);
    const before = Object.fromEntries(await Promise.all(EARLIER.map(async (f) => [f, await readFile(join(out, f), 'utf8')] as const)));
    spawnSync('chown', ['-R', 'nobody', out]);
    for (const f of EARLIER) {
      await chown(join(out, f), 0, 0);
      await chmod(join(out, f), 0o600);
    }
    const second = await visualize(out, '2', NOBODY);
    expect(second.code, second.stderr).toBe(0);
    for (const f of EARLIER) expect(second.stderr, f).toMatch(new RegExp(`warning: ${join(out, f)} could not be read back as .*\\(it cannot be read \\(EACCES\\)\\); it was kept as ${out}/`));
    const kept = await asides(out);
    for (const f of EARLIER) {
      expect(kept[f], f).toHaveLength(1);
      expect(await readFile(join(out, kept[f][0]), 'utf8'), f).toBe(before[f]);
    }
    // The new files hold this run; the earlier run's pictures are still there.
    expect(await readFile(join(out, 'manifest.csv'), 'utf8')).toMatch(/^index,/);
    expect((await readdir(out)).filter((f) => f.endsWith('.png')).sort()).toEqual(['main_000000.png', 'main_000001.png', 'main_000002.png']);
  });

  it('a folder at each path: moved aside with what is inside it, and the run writes its files', async () => {
    const out = join(tmp.dir, 'out');
    await mkdir(out);
    for (const f of EARLIER) {
      await mkdir(join(out, f));
      await writeFile(join(out, f, 'inside.txt'), f);
    }
    const r = await visualize(out, '0');
    expect(r.code, r.stderr).toBe(0);
    const kept = await asides(out);
    for (const f of EARLIER) {
      expect(r.stderr, f).toContain(`warning: ${join(out, f)} could not be read back as`);
      expect(kept[f], f).toHaveLength(1);
      expect(await readFile(join(out, kept[f][0], 'inside.txt'), 'utf8')).toBe(f);
      expect(await readFile(join(out, f), 'utf8'), f).not.toBe('');
    }
  });

  it('a hand-edited "title": 42 in viewer-index.js: this run and the next finish (exit 0, run.json ended), the file kept', async () => {
    const out = join(tmp.dir, 'out');
    expect((await visualize(out, '0')).code).toBe(0);
    const index = await readFile(join(out, 'viewer-index.js'), 'utf8');
    await writeFile(join(out, 'viewer-index.js'), index.replace(/"title":"[^"]*"/, '"title":42'));
    for (const indices of ['1', '2']) {
      const r = await visualize(out, indices);
      expect(r.code, r.stderr).toBe(0);
    }
    const runs = (JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { runs: { endedAt: string | null; exitCode: number }[] }).runs;
    expect(runs.map((r) => [r.endedAt !== null, r.exitCode])).toEqual([[true, 0], [true, 0], [true, 0]]);
    const kept = (await asides(out))['viewer-index.js'];
    expect(kept).toHaveLength(1);
    expect(await readFile(join(out, kept[0]), 'utf8')).toContain('"title":42');
    expect(await readFile(join(out, 'viewer-index.js'), 'utf8')).toMatch(/"title":"HumanRef-CoT samples"/);
  });

  it('a manifest.csv past the size read back (a sparse 600 MB file) is set aside unread, not replaced', async () => {
    const out = join(tmp.dir, 'out');
    await mkdir(out);
    const size = 600 * 1024 * 1024;
    await writeFile(join(out, 'manifest.csv'), '');
    await truncate(join(out, 'manifest.csv'), size);
    const r = await visualize(out, '0');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`manifest\\.csv could not be read back as a manifest \\(it is ${size} bytes, more than the \\d+ this tool reads back\\)`));
    const kept = (await asides(out))['manifest.csv'];
    expect(kept).toHaveLength(1);
    expect((await stat(join(out, kept[0]))).size).toBe(size);
    expect((await stat(join(out, 'manifest.csv'))).size).toBeLessThan(10_000);
  });
});
