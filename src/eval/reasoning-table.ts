// The reasoning tables printed after upstream's: faithfulness per domain and overall, then the other checks per model.
import type { ReasoningMetrics } from './reasoning-metrics.js';
import { compareCodePoints } from './aggregate.js';
import { formatFixed3, markdownSections } from './table-format.js';

export interface NamedReasoning {
  name: string;
  reasoning: ReasoningMetrics;
}

const rate = (x: number | null) => (x === null ? '–' : formatFixed3(x));

export function reasoningTables(models: readonly NamedReasoning[]): { faithfulHeaders: string[]; faithfulRows: string[][]; checkHeaders: string[]; checkRows: string[][] } {
  const faithfulRows: string[][] = [];
  const domains = [...new Set(models.flatMap((m) => Object.keys(m.reasoning.domains)))].sort(compareCodePoints);
  for (const domain of domains) {
    models.forEach(({ name, reasoning }, i) => {
      const d = reasoning.domains[domain];
      if (d) faithfulRows.push([i === 0 ? domain : '', name, String(d.responses), String(d.judged), String(d.faithful), rate(d.faithful_rate)]);
    });
  }
  models.forEach(({ name, reasoning: r }, i) => faithfulRows.push([i === 0 ? 'All Data' : '', name, String(r.responses), String(r.judged), String(r.faithful), rate(r.faithful_rate)]));
  const checkRows = models.map(({ name, reasoning: r }) => [
    name,
    String(r.hallucinated.samples),
    String(r.missing.planning),
    String(r.missing.steps),
    String(r.missing.summary),
    String(r.missing.think_tag),
    String(r.missing.answer_tag),
    String(r.format_reward_zero),
    String(r.abstention.says_none_but_marks),
    String(r.abstention.gives_boxes_but_marks_none),
    String(r.boxes_from_reasoning),
    String(r.scored_from_raw_response),
  ]);
  return {
    faithfulHeaders: ['Domain', 'Model', 'Responses', 'Judged', 'Faithful', 'Faithful rate'],
    faithfulRows,
    checkHeaders: ['Model', 'Hallucinated', 'No planning', 'No steps', 'No summary', 'No <think>', 'No <answer>', 'Format reward 0', 'None but ✅', 'Boxes but no ✅', 'Box from reasoning', 'From raw_response'],
    checkRows,
  };
}

/** The section metrics.md and stdout carry after upstream's two tables. */
export function reasoningMarkdown(models: readonly NamedReasoning[]): string {
  const t = reasoningTables(models);
  return markdownSections([
    { heading: 'Reasoning: faithfulness (the ✅ of the reasoning = the candidates the answer boxes land on)', headers: t.faithfulHeaders, rows: t.faithfulRows },
    { heading: 'Reasoning: other checks (responses per model; see docs/eval-reasoning.md)', headers: t.checkHeaders, rows: t.checkRows },
  ]).join('\n');
}
