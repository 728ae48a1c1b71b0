// run.json in process: an entry per run, appended after the earlier ones, finished in place, and a log that is not
// ours moved aside rather than lost.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeSplit, fileInfo, readRunLog, RunLogWriter, startRunInfo, type RunStart } from '../../src/outputs/run-info.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'run-info-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const start = (seed: number, more: Partial<RunStart> = {}): RunStart => ({
  argv: ['visualize', '--seed', String(seed)],
  cwd: '/somewhere',
  started: new Date(Date.UTC(2026, 0, 2, 3, 4, seed)),
  seed,
  options: { limit: 3 },
  splits: [],
  ...more,
});
const log = async () => JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')).runs;

describe('startRunInfo', () => {
  it('is named by its start time, unfinished, and has command and inputs only when given', () => {
    const info = startRunInfo(start(5));
    expect(info).toMatchObject({ id: '2026-01-02T03:04:05.000Z', startedAt: '2026-01-02T03:04:05.000Z', endedAt: null, counts: null, exitCode: null, seed: 5, argv: ['visualize', '--seed', '5'] });
    expect('command' in info || 'inputs' in info).toBe(false);
    const inputs = [{ role: 'predictions' as const, path: '/p.jsonl', size: 3, model: 'm' }];
    expect(startRunInfo(start(5, { command: 'eval', inputs }))).toMatchObject({ command: 'eval', inputs });
  });
});

describe('fileInfo and describeSplit', () => {
  it('give each file its size, null for a missing one, and null for no lineidx', async () => {
    await writeFile(join(dir, 'a.tsv'), '12345');
    expect(fileInfo(join(dir, 'a.tsv'))).toEqual({ path: join(dir, 'a.tsv'), size: 5 });
    expect(fileInfo(join(dir, 'gone'))).toEqual({ path: join(dir, 'gone'), size: null });
    const split = describeSplit({ name: 's', annotationsTsv: join(dir, 'a.tsv'), annotationsLineidx: null, imagesTsv: join(dir, 'b.tsv') }, 7);
    expect(split).toEqual({ name: 's', annotationsTsv: { path: join(dir, 'a.tsv'), size: 5 }, annotationsLineidx: null, imagesTsv: { path: join(dir, 'b.tsv'), size: null }, samples: 7 });
  });
});

describe('RunLogWriter', () => {
  it('writes the run when it starts, appends it after earlier runs, and finishes it in place', async () => {
    const first = await RunLogWriter.open(dir, start(1), () => {});
    await first.finish(new Date(Date.UTC(2026, 0, 2, 4)), { selected: 2, rendered: 1, failed: 1 }, 65);
    const second = await RunLogWriter.open(dir, start(2), () => {});
    let runs = await log();
    expect(runs.map((r: { seed: number }) => r.seed)).toEqual([1, 2]);
    expect(runs[0]).toMatchObject({ endedAt: '2026-01-02T04:00:00.000Z', counts: { selected: 2, rendered: 1, failed: 1 }, exitCode: 65 });
    expect(runs[1]).toMatchObject({ endedAt: null, exitCode: null });
    await second.finish(new Date(), { selected: 0, rendered: 0, failed: 0 }, 0);
    runs = await log();
    expect(runs).toHaveLength(2);
    expect(runs[1].exitCode).toBe(0);
  });

  it('moves a run.json that is not a run log aside, with a warning, and starts a new log', async () => {
    await writeFile(join(dir, 'run.json'), '{"something": "else"}');
    const warnings: string[] = [];
    await RunLogWriter.open(dir, start(3), (w) => warnings.push(w));
    expect(warnings.join('\n')).toMatch(/run log/);
    const aside = (await readdir(dir)).filter((f) => f.startsWith('run.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]), 'utf8')).toBe('{"something": "else"}');
    expect((await log()).map((r: { seed: number }) => r.seed)).toEqual([3]);
  });

  it('readRunLog keeps the object entries of a log and drops the others', async () => {
    await writeFile(join(dir, 'run.json'), JSON.stringify({ runs: [{ seed: 1 }, 7, null, { seed: 2 }] }));
    const warnings: string[] = [];
    expect(await readRunLog(dir, (w) => warnings.push(w))).toEqual([{ seed: 1 }, { seed: 2 }]);
    expect(warnings.join('\n')).toContain('runs[1]');
  });
});
