// stats over a split: samples, histograms, verdicts, rejections, inconsistencies, reasoning length, and its table.
import { describe, expect, it } from 'vitest';
import { collectStats } from '../../src/runs/stats-run.js';
import { formatStatsTable } from '../../src/runs/stats-table.js';
import { capture, deps, specs } from './fake-splits.js';

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
