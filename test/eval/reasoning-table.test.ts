// The reasoning tables after upstream's: faithfulness per domain (sorted) and overall, then each model's other checks.
import { describe, expect, it } from 'vitest';
import type { ReasoningMetrics } from '../../src/eval/reasoning-metrics.js';
import { reasoningMarkdown, reasoningTables } from '../../src/eval/reasoning-table.js';

function metrics(faithful: number, judged: number, domains: Record<string, [number, number]>, hallucinated = 0): ReasoningMetrics {
  const counts = (f: number, j: number) => ({ responses: j, judged: j, faithful: f, faithful_rate: j ? f / j : null });
  return {
    ...counts(faithful, judged),
    unfaithful_ids: [],
    domains: Object.fromEntries(Object.entries(domains).map(([d, [f, j]]) => [d, counts(f, j)])),
    hallucinated: { samples: hallucinated, mentions: hallucinated },
    missing: { planning: 1, steps: 2, summary: 3, think_tag: 4, answer_tag: 5 },
    format_reward_zero: 6,
    abstention: { says_none_but_marks: 7, gives_boxes_but_marks_none: 8 },
    boxes_from_reasoning: 9,
    scored_from_raw_response: 10,
  };
}

describe('reasoningTables', () => {
  it('lists each domain in code-point order with every model that has it, the domain named once, then All Data', () => {
    const t = reasoningTables([
      { name: 'A', reasoning: metrics(3, 4, { rejection: [1, 1], attribute: [2, 3] }) },
      { name: 'B', reasoning: metrics(0, 0, { attribute: [0, 0] }) },
    ]);
    expect(t.faithfulRows).toEqual([
      ['attribute', 'A', '3', '3', '2', '0.667'],
      ['', 'B', '0', '0', '0', '–'],
      ['rejection', 'A', '1', '1', '1', '1.000'],
      ['All Data', 'A', '4', '4', '3', '0.750'],
      ['', 'B', '0', '0', '0', '–'],
    ]);
    expect(t.checkRows).toEqual([
      ['A', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
      ['B', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    ]);
    expect(t.checkHeaders).toHaveLength(t.checkRows[0].length);
  });

  it('prints both as Markdown sections', () => {
    const md = reasoningMarkdown([{ name: 'R', reasoning: metrics(1, 2, {}, 1) }]);
    expect(md).toMatch(/^## Reasoning: faithfulness/);
    expect(md).toContain('## Reasoning: other checks');
    expect(md).toMatch(/\| All Data +\| R +\| 2 +\| 2 +\| 1 +\| 0\.500 +\|/);
  });
});
