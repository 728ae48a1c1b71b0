import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { annotationFindings, imageFindings } from '../../src/checks/findings.js';
import { collectStats } from '../../src/runs/stats-run.js';
import { formatStatsTable } from '../../src/runs/stats-table.js';
import { runValidate, type Problem } from '../../src/runs/validate-run.js';
import type { SplitPaths } from '../../src/types.js';
import { fakeCot, fakeHeader, fakeParseCot, fakeSource, type FakeSampleSpec } from '../fakes.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t), isTTY: false } } };
}

const specs: FakeSampleSpec[] = [
  {},
  { broken: true },
  { boxes: [[95, 10, 20, 30]] },
  { think: 'inconsistent' },
  { boxes: [], regionMap: { nobody: [] } },
];

function deps(s: FakeSampleSpec[], more: SplitPaths[] = []) {
  const sources = new Map([['main', fakeSource('main', s)]]);
  return {
    splits: [sources.get('main')!.paths, ...more],
    openSource: async (paths: SplitPaths) => {
      const source = sources.get(paths.name);
      if (!source) throw new DataError('missing-file', { file: paths.annotationsTsv }, 'no such file', 'Check the path');
      return source;
    },
    parseCot: fakeParseCot,
    readImageHeader: fakeHeader,
  };
}

describe('findings', () => {
  const cot = (think = 'ok', n = 2) => fakeCot(think, n, { x: [0] });
  it('flags boxes past the border beyond the tolerance only', () => {
    const ann = { gtBoxes: [[0, 0, 100, 80.5], [0, 0, 103, 80], [-5, 0, 10, 10]] as [number, number, number, number][], regionMap: {}, think: '', extra: {} };
    const found = imageFindings(ann, 100, 80).map((f) => f.message);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^Person 2: box/);
    expect(found[1]).toMatch(/^Person 3: box/);
  });
  it('flags zero-size boxes, no boxes, unknown persons, disagreement', () => {
    const ann = { gtBoxes: [[0, 0, 0, 5], [1, 1, 2, 2]] as [number, number, number, number][], regionMap: { x: [0, 4] }, think: '', extra: {} };
    const codes = annotationFindings(ann, cot('Person 7 and Person 2', 2)).map((f) => f.code);
    expect(codes).toEqual(['zero-size-box', 'target-without-box', 'unknown-person']);
    expect(annotationFindings({ ...ann, gtBoxes: [] }, cot('ok', 0)).map((f) => f.code)).toContain('no-boxes');
    expect(annotationFindings({ ...ann, regionMap: { x: [0] } }, cot('inconsistent')).map((f) => f.code)).toContain('text-label-disagreement');
    expect(annotationFindings({ ...ann, regionMap: { x: [0] } }, cot('inconsistent'), { includeConsistency: false }).map((f) => f.code)).not.toContain('text-label-disagreement');
  });
});

describe('runValidate', () => {
  it('reports broken samples as errors and the rest as warnings, each with file, index and offset; exit 1', async () => {
    const { out, err, io } = capture();
    const code = await runValidate({ json: true, strict: false, quiet: false, concurrency: 3 }, deps(specs), io);
    expect(code).toBe(1);
    const problems: Problem[] = out.map((l) => JSON.parse(l));
    expect(problems.map((p) => [p.level, p.index, p.code])).toEqual([
      ['error', 1, 'invalid-json'],
      ['warning', 2, 'box-past-border'],
      ['warning', 3, 'text-label-disagreement'],
      ['warning', 4, 'no-boxes'],
    ]);
    expect(problems[0]).toMatchObject({ file: '/data/main.annotations.tsv', offset: 100 });
    expect(problems[1].message).toMatch(/^\/data\/main\.annotations\.tsv, sample 2, byte offset 200: Person 1: box/);
    expect(err.join('')).toMatch(/validated 5 samples in 1 split: 1 broken, 3 with findings/);
  });

  it('exits 0 with findings, 1 with --strict, and prints one text line per problem', async () => {
    const clean = specs.filter((s) => !s.broken);
    const text = capture();
    expect(await runValidate({ json: false, strict: false, quiet: true, concurrency: 2 }, deps(clean), text.io)).toBe(0);
    expect(text.out).toHaveLength(3);
    expect(text.out[0]).toMatch(/^warning: \/data\/main\.annotations\.tsv, sample 1, byte offset 100: /);
    expect(text.err).toEqual([]);
    expect(await runValidate({ json: false, strict: true, quiet: true, concurrency: 2 }, deps(clean), capture().io)).toBe(1);
    expect(await runValidate({ json: false, strict: true, quiet: true, concurrency: 2 }, deps([{}, {}]), capture().io)).toBe(0);
  });

  it('reports an unreadable split file and goes on with the others', async () => {
    const missing: SplitPaths = { name: 'rejection', imagesTsv: '/x/r.images.tsv', annotationsTsv: '/x/r.annotations.tsv', annotationsLineidx: null };
    const { out, io } = capture();
    expect(await runValidate({ json: true, strict: false, quiet: true, concurrency: 2 }, deps([{}], [missing]), io)).toBe(1);
    expect(JSON.parse(out[0])).toMatchObject({ level: 'error', split: 'rejection', code: 'missing-file', index: null });
  });
});

describe('collectStats', () => {
  it('counts samples, histograms, verdicts, rejections, inconsistencies and reasoning length', async () => {
    const { io } = capture();
    const report = await collectStats(deps(specs), { concurrency: 2, quiet: true }, io);
    const main = report.splits.main;
    expect(main.samples).toBe(4);
    expect(main.unreadable).toBe(1);
    expect(main.candidatesPerSample).toEqual({ '0': 1, '1': 1, '2': 2 });
    expect(main.targetsPerSample).toEqual({ '0': 1, '1': 3 });
    expect(main.rejection).toBe(1);
    expect(main.rejectionShare).toBe(0.25);
    expect(main.inconsistent).toBe(1);
    expect(main.verdicts).toEqual({ '✅': 3, '❌': 2, '⚠️': 0, none: 0 });
    expect(main.reasoningLength.max).toBe('inconsistent'.length);
    expect(report.errors).toHaveLength(1);
    expect(report.total.samples).toBe(4);
    const table = formatStatsTable(report);
    expect(table).toMatch(/^split\s+samples/);
    expect(table).toContain('candidates per sample');
    expect(table).toContain('reasoning length');
  });
});
