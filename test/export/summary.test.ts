// The end of an export on stderr: exported, failed and dropped counts, the files written, the first failures.
import { describe, expect, it } from 'vitest';
import { ExportTally, formatExportSummary } from '../../src/export/summary.js';

describe('formatExportSummary', () => {
  it('says what was exported and dropped, and the files written', () => {
    const tally = new ExportTally();
    Object.assign(tally, { exported: 5, droppedByReview: 2, droppedInconsistent: 1 });
    expect(formatExportSummary({ format: 'sft', selected: 8, tally, seconds: 1.25, outputDir: 'sft/', files: ['sft.jsonl', 'dataset_info.json'] })).toBe(
      '5 exported (sft), 0 failed, 2 dropped by the review, 1 dropped as inconsistent, of 8 selected in 1.3 s -> sft/\n  wrote sft.jsonl, dataset_info.json\n',
    );
  });

  it('lists the first 20 failures on one line each, then how many more; a stopped export says nothing was put in place', () => {
    const tally = new ExportTally();
    for (let i = 0; i < 22; i++) tally.fail(`f.tsv, sample ${i}: bad\nline`);
    const text = formatExportSummary({ format: 'tsv', selected: 22, tally, seconds: 0, outputDir: 'o', files: ['x.tsv'], stoppedBy: 'SIGINT' });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('0 exported (tsv), 22 failed, of 22 selected in 0.0 s -> o');
    expect(lines[1]).toBe('stopped early: SIGINT; nothing was written in place of the export files (images already copied stay)');
    expect(lines.filter((l) => l.startsWith('  failed (skipped): '))).toHaveLength(20);
    expect(lines[2]).toBe('  failed (skipped): f.tsv, sample 0: bad\\nline');
    expect(lines.at(-1)).toBe('  ... and 2 more failures');
    expect(text).not.toContain('wrote');
  });
});
