// validate over fake splits: broken samples are errors, findings warnings, each with file, index and offset; the exit
// codes with and without --strict; a split that cannot be opened reported while the others are read.
import { describe, expect, it } from 'vitest';
import { runValidate, type Problem } from '../../src/runs/validate-run.js';
import type { SplitPaths } from '../../src/types.js';
import { capture, deps, specs } from './fake-splits.js';

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
