import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport, type ExportOptions } from '../../src/runs/export-run.js';
import { fakeHeader, fakeParseCot, fakeSource } from '../fakes.js';
import { tempDirForEachTest } from '../cli.js';

const tmp = tempDirForEachTest('export-run');

function options(outputDir: string, format: ExportOptions['format'] = 'sft'): ExportOptions {
  return {
    outputDir,
    format,
    concurrency: 1,
    quiet: true,
    selection: { numVis: 'all', seed: 0, filter: { only: [] } },
    policy: { drop: new Set(), dropInconsistent: false },
    limits: { minPixels: 256 * 28 * 28, maxPixels: 1280 * 28 * 28 },
    absolutePaths: false,
  };
}

function io(signal?: AbortSignal) {
  let stderr = '';
  return { io: { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, signal }, stderr: () => stderr };
}

describe('runExport', () => {
  it('after an interrupt replaces no export file: the JSONL and provenance never appear, no temp file is left, run.json says 130', async () => {
    const controller = new AbortController();
    const source = fakeSource('main', [{}, {}, {}, {}, {}]);
    const read = source.readSample.bind(source);
    // Ctrl-C arrives while the second sample is being read.
    source.readSample = async (i) => {
      if (i === 1) controller.abort('SIGINT');
      return read(i);
    };
    const run = io(controller.signal);
    const code = await runExport(options(tmp.dir), { sources: [source], parseCot: fakeParseCot, readImageHeader: fakeHeader }, run.io);
    expect(code).toBe(130);
    expect(run.stderr()).toMatch(/stopped early: interrupted \(SIGINT\); nothing was written in place of the export files/);
    const files = await readdir(tmp.dir);
    expect(files).not.toContain('sft.jsonl');
    expect(files).not.toContain('provenance.jsonl');
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const runLog = JSON.parse(await readFile(join(tmp.dir, 'run.json'), 'utf8'));
    expect(runLog.runs[0]).toMatchObject({ command: 'export', exitCode: 130 });
  });

  it('skips a broken sample and exits 1; the others are exported in selection order', async () => {
    const source = fakeSource('main', [{}, { broken: true }, {}]);
    const run = io();
    const code = await runExport(options(tmp.dir), { sources: [source], parseCot: fakeParseCot, readImageHeader: fakeHeader }, run.io);
    expect(code).toBe(1);
    expect(run.stderr()).toMatch(/2 exported \(sft\), 1 failed/);
    expect(run.stderr()).toMatch(/failed \(skipped\): \/data\/main\.annotations\.tsv, sample 1, byte offset 100: the JSON is malformed/);
    const provenance = (await readFile(join(tmp.dir, 'provenance.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(provenance.map((p) => [p.line, p.index, p.to_line])).toEqual([[0, 0, 0], [1, 2, 1]]);
    expect((await readFile(join(tmp.dir, 'sft.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(2);
  });

  it('--drop-inconsistent counts what it leaves out', async () => {
    const source = fakeSource('main', [{}, { think: 'inconsistent' }, {}]);
    const run = io();
    const opts = { ...options(tmp.dir), quiet: false, policy: { drop: new Set<never>(), dropInconsistent: true } };
    const code = await runExport(opts, { sources: [source], parseCot: fakeParseCot, readImageHeader: fakeHeader }, run.io);
    expect(run.stderr()).toMatch(/2 exported \(sft\), 0 failed, 1 dropped as inconsistent, of 3 selected/);
    expect(code).toBe(0);
    const provenance = (await readFile(join(tmp.dir, 'provenance.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(provenance.map((p) => p.sample)).toEqual(['main_000000', 'main_000002']);
  });
});
