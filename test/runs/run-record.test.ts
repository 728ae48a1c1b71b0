// run.json (what made the pictures) and a second run into the same folder (merge, never silent loss).
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunLog } from '../../src/outputs/run-info.js';
import { readIndexScript } from '../../src/viewer/data-files.js';
import { runVisualize } from '../../src/runs/visualize-run.js';
import { viewerTitle } from '../../src/runs/run-record.js';
import { fakeHeader, fakeParseCot, fakeRenderer, fakeSource, type FakeSampleSpec } from '../fakes.js';

const PACKAGE = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { name: string; version: string };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-record-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const specs = (n: number, broken: number[] = []): FakeSampleSpec[] => Array.from({ length: n }, (_, i) => ({ broken: broken.includes(i) }));

async function run(sampleSpecs: FakeSampleSpec[], at: string, selection: Record<string, unknown> = {}) {
  const err: string[] = [];
  const code = await runVisualize(
    {
      outputDir: dir,
      format: 'png',
      fast: false,
      concurrency: 2,
      json: false,
      strict: false,
      quiet: true,
      selection: { numVis: 'all', seed: 7, filter: { only: [] }, ...selection } as never,
    },
    {
      sources: [fakeSource('main', sampleSpecs)],
      parseCot: fakeParseCot,
      readImageHeader: fakeHeader,
      getRenderer: async () => fakeRenderer(),
      context: { args: ['--num_vis', 'all', '--seed', '7'], cwd: '/home/me', commandOptions: { numVis: 'all', dataDir: 'data' }, clock: () => new Date(at) },
    },
    { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t), isTTY: false } },
  );
  return { code, err: err.join('') };
}

const manifestRows = async () => (await readFile(path.join(dir, 'manifest.csv'), 'utf8')).trim().split('\n');
const runLog = async () => JSON.parse(await readFile(path.join(dir, 'run.json'), 'utf8')) as RunLog;

describe('run.json', () => {
  it('records tool and version from package.json, the command line, cwd, times, seed, options, dataset files and counts', async () => {
    expect((await run(specs(4, [2]), '2026-01-02T03:04:05.000Z')).code).toBe(1);
    const { runs } = await runLog();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      id: '2026-01-02T03:04:05.000Z',
      tool: { name: PACKAGE.name, version: PACKAGE.version },
      argv: ['humanref-vis', '--num_vis', 'all', '--seed', '7'],
      cwd: '/home/me',
      startedAt: '2026-01-02T03:04:05.000Z',
      endedAt: '2026-01-02T03:04:05.000Z',
      seed: 7,
      counts: { selected: 4, rendered: 3, failed: 1 },
      exitCode: 1,
      splits: [{ name: 'main', annotationsTsv: { path: '/data/main.annotations.tsv', size: null }, annotationsLineidx: null, imagesTsv: { path: '/data/main.images.tsv', size: null }, samples: 4 }],
    });
    expect(runs[0].options).toMatchObject({ dataDir: 'data', numVis: 'all', seed: 7, format: 'png', concurrency: 2, outputDir: path.resolve(dir), indices: null, filter: null, only: [] });
    // The viewer's header lists the run (its data file holds the runs that wrote into the folder).
    const viewer = (await readIndexScript(path.join(dir, 'viewer-index.js')))!;
    expect(viewer.runs).toEqual([
      {
        run: '2026-01-02T03:04:05.000Z',
        tool: `${PACKAGE.name} ${PACKAGE.version}`,
        command: 'humanref-vis --num_vis all --seed 7',
        cwd: '/home/me',
        seed: '7',
        data: 'main: /data/main.annotations.tsv (4 samples), images /data/main.images.tsv',
        details: 'run.json',
      },
    ]);
  });

  it('records the real sizes of the dataset files', async () => {
    const { describeSplit } = await import('../../src/outputs/run-info.js');
    const file = path.join(dir, 'x.annotations.tsv');
    await writeFile(file, 'abc');
    expect(describeSplit({ name: 'x', annotationsTsv: file, imagesTsv: file, annotationsLineidx: file }, 1)).toEqual({
      name: 'x', annotationsTsv: { path: file, size: 3 }, annotationsLineidx: { path: file, size: 3 }, imagesTsv: { path: file, size: 3 }, samples: 1,
    });
  });

  it('--version prints the version of package.json', async () => {
    const { buildProgram } = await import('../../src/cli.js');
    const out: string[] = [];
    const program = buildProgram({ exitCode: 0 }).configureOutput({ writeOut: (s) => out.push(s), writeErr: () => undefined });
    await program.parseAsync(['--version'], { from: 'user' }).catch(() => undefined);
    expect(out.join('').trim()).toBe(PACKAGE.version);
  });
});

describe('a second run into the same folder', () => {
  it('merges: keeps earlier rows whose pictures remain, replaces same-file rows, drops earlier failures it rendered', async () => {
    await run(specs(6, [2]), '2026-01-01T00:00:00.000Z');
    await unlink(path.join(dir, 'main_000005.png'));
    // Second run: samples 1 and 2 again, sample 2 no longer broken.
    await run(specs(6), '2026-02-01T00:00:00.000Z', { indices: [1, 2] });
    const rows = await manifestRows();
    const [header, ...body] = rows;
    expect(header.split(',').at(-1)).toBe('run');
    const summary = body.map((r) => {
      const cells = r.split(',');
      return `${cells[0]} ${cells[12]} ${cells.at(-1)}`;
    });
    expect(summary).toEqual([
      '1 rendered 2026-02-01T00:00:00.000Z',
      '2 rendered 2026-02-01T00:00:00.000Z',
      '0 rendered 2026-01-01T00:00:00.000Z',
      '3 rendered 2026-01-01T00:00:00.000Z',
      '4 rendered 2026-01-01T00:00:00.000Z',
    ]);
    const { runs } = await runLog();
    expect(runs.map((r) => [r.id, r.counts])).toEqual([
      ['2026-01-01T00:00:00.000Z', { selected: 6, rendered: 5, failed: 1 }],
      ['2026-02-01T00:00:00.000Z', { selected: 2, rendered: 2, failed: 0 }],
    ]);
    // The viewer follows the same policy for its own data: both runs listed, the earlier pictures still there kept.
    const viewer = (await readIndexScript(path.join(dir, 'viewer-index.js')))!;
    expect(viewer.runs.map((r) => r.run)).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
    expect(viewer.entries.map((e) => e[0]).sort()).toEqual(['main_000000', 'main_000001', 'main_000002', 'main_000003', 'main_000004']);
  });

  it('keeps an earlier failure of a sample this run did not touch, and replaces one it failed again', async () => {
    await run(specs(4, [1, 3]), '2026-01-01T00:00:00.000Z');
    await run(specs(4, [3]), '2026-02-01T00:00:00.000Z', { indices: [3] });
    const body = (await manifestRows()).slice(1).map((r) => `${r.split(',')[0]} ${r.includes('failed') ? 'failed' : 'rendered'} ${r.split(',').at(-1)}`);
    expect(body).toEqual([
      '3 failed 2026-02-01T00:00:00.000Z',
      '0 rendered 2026-01-01T00:00:00.000Z',
      '1 failed 2026-01-01T00:00:00.000Z',
      '2 rendered 2026-01-01T00:00:00.000Z',
    ]);
  });

  it('works after a crashed run (pictures, no manifest) and with a manifest of the previous release (no run column)', async () => {
    await writeFile(path.join(dir, 'main_000009.png'), 'x');
    expect((await run(specs(2), '2026-01-01T00:00:00.000Z')).code).toBe(0);
    expect((await manifestRows()).length).toBe(3);
    // The previous release's manifest: no run column.
    await writeFile(
      path.join(dir, 'manifest.csv'),
      'index,split,ann_offset,img_offset,image_key,expression,candidates,targets,cot_targets,consistent,warnings,file,status,error\n' +
        '9,main,900,9000,key-9,=old,2,1,1,true,,main_000009.png,rendered,\n' +
        '8,main,800,,,,,,,,,,failed,bad line\n',
    );
    expect((await run(specs(2), '2026-02-01T00:00:00.000Z')).code).toBe(0);
    const body = (await manifestRows()).slice(1);
    expect(body).toEqual([
      '0,main,0,0,key-0,the person on the left,2,1,1,true,,main_000000.png,rendered,,2026-02-01T00:00:00.000Z',
      '1,main,100,1000,key-1,the person on the left,2,1,1,true,,main_000001.png,rendered,,2026-02-01T00:00:00.000Z',
      "9,main,900,9000,key-9,'=old,2,1,1,true,,main_000009.png,rendered,,",
      '8,main,800,,,,,,,,,,failed,bad line,',
    ]);
  });

  it('moves a manifest.csv that is not ours aside instead of losing it', async () => {
    await writeFile(path.join(dir, 'manifest.csv'), 'name,age\nann,3\n');
    const { err } = await run(specs(1), '2026-01-01T00:00:00.000Z');
    expect(err).toMatch(/manifest\.csv could not be read back as a manifest \(it has no index, file and status columns\); it was kept as .*manifest\.unreadable-\d+\.csv/);
  });
});

describe('viewerTitle', () => {
  const split = (name: string, annotationsTsv: string) => ({ paths: { name, annotationsTsv, imagesTsv: 'images', annotationsLineidx: null } });
  it('names custom GRPO splits by kind and name, and keeps the HumanRef-CoT title for TSVs', () => {
    expect(viewerTitle([split('train', 'humanref_cot.annotations.tsv')])).toBe('HumanRef-CoT samples');
    expect(viewerTitle([split('toy', 'toy/anno.jsonl'), split('b', 'b.json')])).toBe('custom GRPO samples: toy, b');
    expect(viewerTitle([split('train', 'a.tsv'), split('toy', 'anno.jsonl')])).toBe('HumanRef-CoT and custom GRPO samples (toy)');
  });
});
