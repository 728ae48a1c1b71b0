// The end-of-run tally and its stderr summary: counts, the first failures and warnings escaped, what is left unsaid.
import { describe, expect, it } from 'vitest';
import type { FailedOutcome, Outcome } from '../../src/outputs/outcome.js';
import { formatSummary, RunTally } from '../../src/outputs/summary.js';
import { failed, rendered } from './outcomes.js';

function withWarnings(index: number, warnings: string[], consistent = true): Outcome {
  const outcome = rendered(index, index) as Extract<Outcome, { status: 'rendered' }>;
  return { ...outcome, record: { ...outcome.record, warnings, consistent } };
}

describe('RunTally and formatSummary', () => {
  it('counts rendered, failed, warned and inconsistent samples, with the speed and the folder', () => {
    const tally = new RunTally();
    for (const o of [withWarnings(1, ['w1', 'w2'], false), withWarnings(2, []), failed]) tally.add(o);
    expect(formatSummary({ selected: 3, tally, seconds: 2, outputDir: 'out' })).toBe(
      `2 rendered, 1 failed, 1 with warnings, 1 inconsistent, of 3 selected in 2.0 s (1.0 images/s) -> out\n  failed: ${(failed as FailedOutcome).error}\n`,
    );
    expect(formatSummary({ selected: 3, tally, seconds: 2, outputDir: 'out', verbose: true })).toContain('  warning: main sample 1: w1\n  warning: main sample 1: w2\n');
  });

  it('lists at most 20 failures and warnings and says how many more the manifest has', () => {
    const tally = new RunTally();
    for (let i = 0; i < 23; i++) tally.add({ ...failed, index: i, error: `bad ${i}` } as Outcome);
    tally.add(withWarnings(1, Array.from({ length: 25 }, (_, i) => `w${i}`)));
    const text = formatSummary({ selected: 30, tally, seconds: 0, outputDir: 'o', verbose: true, stoppedBy: 'SIGINT' });
    expect(text.split('\n').filter((l) => l.startsWith('  failed:'))).toHaveLength(20);
    expect(text).toContain('  ... and 3 more failures (see manifest.csv)\n');
    expect(text).toContain('  ... and 5 more warnings (see manifest.csv)\n');
    expect(text).toContain('stopped early: SIGINT; 6 not done\n');
    expect(text).toContain('(0.0 images/s)');
  });

  it('escapes line breaks and controls in failures and warnings: a dataset line cannot drive the terminal', () => {
    const tally = new RunTally();
    tally.add({ ...failed, error: 'bad\nline\u001b[31m' } as Outcome);
    tally.add(withWarnings(4, ['x\u202ey']));
    const text = formatSummary({ selected: 2, tally, seconds: 1, outputDir: 'out\nx', verbose: true });
    expect(text).toContain('  failed: bad\\nline\\u001b[31m\n');
    expect(text).toContain('  warning: main sample 4: x\\u202ey\n');
    expect(text).toContain('-> out\\nx\n');
  });
});
