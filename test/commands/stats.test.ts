// stats end to end: the bundled sample's numbers as JSON and as a table, and exit 1 on an unreadable annotation.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess, FIXTURES, tempDirForFile } from '../e2e/cli.js';
import { cases } from '../fixtures/cases.js';

const MAIN = cases.splits.main.samples;
const REJECTION = cases.splits.rejection.samples;

// An empty working folder: no dataset at the default places.
const tmp = tempDirForFile('e2e');

describe('stats', () => {
  it('counts the bundled sample (annotations only) as JSON', async () => {
    const r = await cliInProcess(['stats', '--json'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.splits.main.samples).toBe(MAIN.length);
    expect(report.splits.rejection.samples).toBe(REJECTION.length);
    expect(report.total.samples).toBe(MAIN.length + REJECTION.length);
    expect(report.splits.rejection.rejectionShare).toBe(1);
    expect(report.splits.main.inconsistent).toBe(MAIN.filter((s) => s.tags.includes('inconsistent')).length);
    const candidates = Object.entries(report.splits.main.candidatesPerSample as Record<string, number>).reduce((n, [k, v]) => n + Number(k) * v, 0);
    expect(candidates).toBe(MAIN.reduce((n, s) => n + s.gtBoxes.length, 0));
    const verdicts = report.total.verdicts;
    expect(verdicts['✅'] + verdicts['❌'] + verdicts['⚠️'] + verdicts.none).toBe(candidates + report.splits.rejection.verdicts['✅'] + report.splits.rejection.verdicts['❌'] + report.splits.rejection.verdicts['⚠️'] + report.splits.rejection.verdicts.none);
    expect(report.total.reasoningLength.max).toBeGreaterThan(report.total.reasoningLength.min);
  });

  it('prints a table, and exits 1 when an annotation cannot be read', async () => {
    const table = await cliInProcess(['stats'], { cwd: tmp.dir });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^split\s+samples/);
    expect(table.stdout).toContain('candidates per sample');
    const broken = await cliInProcess(['stats', '--data-dir', join(FIXTURES, 'broken/invalid-json')], { cwd: tmp.dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/sample 1, byte offset 696/);
  });
});
