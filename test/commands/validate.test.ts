// validate end to end: every broken fixture reported with its index and offset, and the exit codes.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess, FIXTURES, tempDirForFile } from '../e2e/cli.js';
import { cases } from '../fixtures/cases.js';
import type { Problem } from '../../src/runs/validate-run.js';

const BROKEN = Object.entries(cases.broken);

// An empty working folder: no dataset at the default places.
const tmp = tempDirForFile('e2e');

const problemsOf = (stdout: string): Problem[] => (stdout.trim() ? stdout.trim().split('\n').map((l) => JSON.parse(l)) : []);

describe('validate', () => {
  it.each(BROKEN)('%s: reported with its file, index and offset, and the right exit code', async (_name, c) => {
    const dir = join(FIXTURES, c.dir);
    const [json, text] = await Promise.all([cliInProcess(['validate', '--data-dir', dir, '--json'], { cwd: tmp.dir }), cliInProcess(['validate', '--data-dir', dir], { cwd: tmp.dir })]);
    const problems = problemsOf(json.stdout);
    const errors = problems.filter((p) => p.level === 'error');
    if (c.scope === 'none') {
      expect(json.code).toBe(0);
      expect(errors).toEqual([]);
      return;
    }
    expect(json.code).toBe(1);
    expect(text.code).toBe(1);
    const match = errors.find((p) => p.code === c.code && p.index === c.badIndex);
    expect(match, JSON.stringify(errors)).toBeDefined();
    expect(match!.file).toBe(join(dir, c.file!));
    expect(match!.offset).toBe(c.errorOffset);
    if (c.scope === 'sample') {
      expect(match!.message).toContain(`sample ${c.badIndex}, byte offset ${c.errorOffset}`);
      // The text report carries the same line, with file, index and offset.
      expect(text.stdout).toContain(`error: ${match!.message}`);
    } else {
      expect(text.stdout).toContain(join(dir, c.file!));
    }
  });

  // lineidx-mid-line: cases.json calls sample 0 good, but the dataset reader also rejects it (the .lineidx says its
  // line is 700 bytes long, the newline comes at 695). Reported to the dataset/fixture owners; left out until they agree.
  const KNOWN_DISAGREEMENTS = new Set(['lineidx-mid-line']);

  it('reports only the bad sample of each per-sample case, never a good one', async () => {
    for (const [name, c] of BROKEN.filter(([n, c]) => c.scope === 'sample' && !KNOWN_DISAGREEMENTS.has(n))) {
      const r = await cliInProcess(['validate', '--data-dir', join(FIXTURES, c.dir), '--json', '--quiet'], { cwd: tmp.dir });
      const errorIndices = problemsOf(r.stdout).filter((p) => p.level === 'error').map((p) => p.index);
      expect(errorIndices, name).toEqual([c.badIndex]);
    }
  });

  it('the bundled sample has findings but nothing broken: exit 0, and 1 with --strict', async () => {
    const r = await cliInProcess(['validate', '--json'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const problems = problemsOf(r.stdout);
    expect(problems.every((p) => p.level === 'warning')).toBe(true);
    const codes = new Set(problems.map((p) => p.code));
    for (const code of ['box-past-border', 'zero-size-box', 'text-label-disagreement']) expect(codes).toContain(code);
    expect(problems.every((p) => typeof p.index === 'number' && typeof p.offset === 'number')).toBe(true);
    const strict = await cliInProcess(['validate', '--strict', '--quiet'], { cwd: tmp.dir });
    expect(strict.code).toBe(1);
  });

  it('a missing path is a usage error (exit 2)', async () => {
    const r = await cliInProcess(['validate', '--data-dir', 'nowhere'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nowhere');
  });
});
