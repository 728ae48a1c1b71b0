// One selected sample's outcome: the order outputs list them in, and its --json line, rendered or failed.
import { describe, expect, it } from 'vitest';
import { byPosition, sampleJsonLine, type Outcome } from '../../src/outputs/outcome.js';
import { failed, rendered } from './outcomes.js';

describe('outcomes', () => {
  it('sort by position in the selection, whatever order they finished in', () => {
    const outcomes: Outcome[] = [rendered(7, 2), failed, rendered(4, 0)];
    expect(outcomes.sort(byPosition).map((o) => o.position)).toEqual([0, 1, 2]);
  });

  it('a rendered --json line is its status and its sample record; a failed one keeps the error, code and null output', () => {
    const ok = rendered(4, 0) as Extract<Outcome, { status: 'rendered' }>;
    expect(sampleJsonLine(ok)).toEqual({ status: 'rendered', ...ok.record });
    expect(sampleJsonLine(failed)).toEqual({ status: 'failed', index: 9, split: 'rejection', annOffset: 900, imgOffset: null, error: 'f.tsv, sample 9, byte offset 900: the JSON is malformed <bad>', errorCode: 'invalid-json', output: null });
    expect(Object.keys(sampleJsonLine(failed))).not.toContain('position');
  });
});
