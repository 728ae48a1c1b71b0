// visualize's run in process over fake splits and a fake renderer: pictures, manifest, viewer and NDJSON written,
// what the selection says when it falls short, exit codes for failures, --strict, interrupts and a vanished folder.
import { mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runVisualize } from '../../src/runs/visualize-run.js';
import { fakeHeader, fakeParseCot, fakeRenderer, fakeSource, type FakeSampleSpec } from '../fakes.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-visualize-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const specs = (n: number, broken: number[] = []): FakeSampleSpec[] => Array.from({ length: n }, (_, i) => ({ broken: broken.includes(i) }));

describe('runVisualize', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t), isTTY: false } } };
  };
  const options = (outputDir: string, extra: Partial<Parameters<typeof runVisualize>[0]> = {}) => ({
    outputDir,
    format: 'png' as const,
    fast: false,
    concurrency: 2,
    json: true,
    strict: false,
    quiet: false,
    selection: { numVis: 5 as number | 'all', seed: 0, filter: { only: [] } },
    ...extra,
  });
  const deps = (s: FakeSampleSpec[]) => ({ sources: [fakeSource('main', s)], parseCot: fakeParseCot, readImageHeader: fakeHeader, getRenderer: async () => fakeRenderer() });

  it('writes images, manifest.csv and index.html, NDJSON only on stdout, exit 0', async () => {
    const { out, err, io: streams } = io();
    const code = await runVisualize(options(dir), deps(specs(20)), streams);
    expect(code).toBe(0);
    const files = await readdir(dir);
    expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(5);
    expect(files).toContain('manifest.csv');
    expect(files).toContain('index.html');
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]);
    expect(out).toHaveLength(5);
    for (const line of out) expect(JSON.parse(line)).toHaveProperty('candidates');
    expect(err.join('')).toMatch(/5 rendered, 0 failed/);
  });

  it('--json lists every selected sample, failed ones with status, error and code, as the manifest does', async () => {
    const { out, io: streams } = io();
    const code = await runVisualize(options(dir, { selection: { numVis: 'all', seed: 0, filter: { only: [] } } }), deps(specs(4, [2])), streams);
    expect(code).toBe(1);
    const lines = out.map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.index, l.status])).toEqual([[0, 'rendered'], [1, 'rendered'], [2, 'failed'], [3, 'rendered']]);
    expect(lines[2]).toEqual({ status: 'failed', index: 2, split: 'main', annOffset: 200, imgOffset: null, error: expect.stringMatching(/sample 2.*malformed/), errorCode: 'invalid-json', output: null });
    expect(lines[0].output).toBe(path.join(path.resolve(dir), 'main_000000.png'));
  });

  it('says when --num-vis asks for more than exist, and which filter matched nothing', async () => {
    const run = async (selection: Record<string, unknown>) => {
      const { err, io: streams } = io();
      await runVisualize(options(dir, { json: false, selection: { numVis: 5, seed: 0, filter: { only: [] }, ...selection } as never }), deps(specs(6)), streams);
      return err.join('');
    };
    expect(await run({ numVis: 50 })).toContain('humanref-vis: note: --num-vis 50 requested, 6 available: rendering 6\n');
    expect(await run({ numVis: 50, indices: [1, 2] })).toContain('--num-vis 50 requested, 2 available: rendering 2');
    expect(await run({ filter: { expression: /zzz/i, only: [] } })).toContain('no samples match the selection: --filter "zzz" matched none of 6 samples; nothing to render');
    expect(await run({ filter: { expression: /left/i, only: ['rejection'] } })).toContain(
      'no samples match the selection: --filter "left" matched 6 of 6 samples, but none of them is rejection (--only rejection); nothing to render',
    );
    expect(await run({ indices: [0, 1], filter: { only: ['rejection', 'inconsistent'] } })).toContain('--only rejection,inconsistent matched none of the 2 samples of --indices');
    expect(await run({ numVis: 6 })).not.toContain('note:');
  });

  it('exits 1 when a sample fails, with the others written and the failure in the manifest', async () => {
    const { err, io: streams } = io();
    const code = await runVisualize(options(dir, { selection: { numVis: 'all', seed: 0, filter: { only: [] } } }), deps(specs(6, [2])), streams);
    expect(code).toBe(1);
    expect((await readdir(dir)).filter((f) => f.endsWith('.png'))).toHaveLength(5);
    const manifest = await readFile(path.join(dir, 'manifest.csv'), 'utf8');
    expect(manifest).toMatch(/\n2,main,200,,.*failed/);
    expect(err.join('')).toMatch(/failed: .*sample 2/);
  });

  it('exits 1 under --strict when a sample has warnings, 0 without', async () => {
    const warned = specs(3).map((s, i) => ({ ...s, think: i === 1 ? 'warn' : 'ok' }));
    expect(await runVisualize(options(dir, { json: false, strict: false }), deps(warned), io().io)).toBe(0);
    expect(await runVisualize(options(dir, { json: false, strict: true }), deps(warned), io().io)).toBe(1);
  });

  it('after an interrupt writes the manifest of what was done and exits 130', async () => {
    const controller = new AbortController();
    const { io: streams } = io();
    const d = { ...deps(specs(40)), getRenderer: async () => fakeRenderer({ onRender: (s) => { if (s.index === 3) controller.abort('SIGINT'); } }) };
    const code = await runVisualize(options(dir, { selection: { numVis: 'all', seed: 0, filter: { only: [] } } }), d, { ...streams, signal: controller.signal });
    expect(code).toBe(130);
    const pngs = (await readdir(dir)).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeLessThan(40);
    const manifest = (await readFile(path.join(dir, 'manifest.csv'), 'utf8')).trim().split('\n');
    expect(manifest).toHaveLength(pngs.length + 1);
  });

  it('an output folder that disappears mid-run stops the run with one error, exit 1', async () => {
    const out = path.join(dir, 'out');
    const { err, io: streams } = io();
    const d = { ...deps(specs(30)), getRenderer: async () => fakeRenderer({ onRender: async (s) => { if (s.index === 4) await rename(out, `${out}-gone`); } }) };
    const code = await runVisualize(options(out, { json: false, selection: { numVis: 'all', seed: 0, filter: { only: [] } } }), d, streams);
    expect(code).toBe(1);
    const text = err.join('');
    expect(text.match(/cannot write/g)).toHaveLength(1);
    expect(text).toMatch(/stopped early: the output folder stopped taking files/);
    expect(text).not.toMatch(/failed: /);
  });

  it('filters with --only and --filter before sampling', async () => {
    const s: FakeSampleSpec[] = Array.from({ length: 10 }, (_, i) => ({ think: i % 3 === 0 ? 'inconsistent' : 'ok', regionMap: { [i % 2 ? 'odd one' : 'even one']: [0] } }));
    const run = async (filter: { expression?: RegExp; only: ('inconsistent' | 'rejection' | 'warned')[] }) => {
      const { out, io: streams } = io();
      await rm(dir, { recursive: true, force: true });
      await runVisualize(options(dir, { selection: { numVis: 'all', seed: 0, filter } }), deps(s), streams);
      return out.map((l) => JSON.parse(l).index);
    };
    expect(await run({ only: ['inconsistent'] })).toEqual([0, 3, 6, 9]);
    expect(await run({ expression: /ODD/i, only: [] })).toEqual([1, 3, 5, 7, 9]);
    expect(await run({ expression: /odd/i, only: ['inconsistent'] })).toEqual([3, 9]);
  });

  it('--only warned also finds boxes past the border, which only the image header reveals', async () => {
    // Fake images are 100x80: sample 1's box ends at x=130, sample 3 has a zero-size box.
    const s: FakeSampleSpec[] = [{}, { boxes: [[90, 0, 40, 10]] }, {}, { boxes: [[1, 1, 0, 5]] }];
    const { out, io: streams } = io();
    await runVisualize(options(dir, { selection: { numVis: 'all', seed: 0, filter: { only: ['warned'] } } }), deps(s), streams);
    expect(out.map((l) => JSON.parse(l).index)).toEqual([1, 3]);
  });
});
