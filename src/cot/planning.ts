// Reads the planning paragraph: the referring expression and the planned steps.
import type { RawLine } from './lines.js';

const PLAN_LINE = /^(?:[-*\u2022]\s*)?step\s*\d+\s*[:\uFF1A.)\u2013-]\s*/i;
const STEP_PREFIX = /^step\s*\d+\s*[:\uFF1A.)\u2013-]\s*/i;
const DETECT = /needs?\s+(?:us\s+|me\s+)?to\s+(?:detect|find|locate|identify)\s+/i;
const SENTENCE_END = /\.\s+[Tt]o accomplish\b|\.(?=\s+[A-Z])|\.\s*$/;

/** The text of each `- Step N: ...` line (dash optional), without its `Step N:` prefix. */
export function parsePlan(lines: RawLine[], from: number, to: number): string[] {
  const plan: string[] = [];
  for (let i = from; i < to; i++) {
    const m = PLAN_LINE.exec(lines[i].text);
    if (!m) continue;
    let text = lines[i].text.slice(m[0].length);
    for (let d = STEP_PREFIX.exec(text); d; d = STEP_PREFIX.exec(text)) text = text.slice(d[0].length);
    plan.push(text.trim());
  }
  return plan;
}

/** `OK, the user needs us to detect <expr>. To accomplish ...` → `<expr>`; null when absent. */
export function expressionFromPlanning(lines: RawLine[], from: number, to: number): string | null {
  for (let i = from; i < to; i++) {
    const text = lines[i].text.slice(0, 2000);
    const m = DETECT.exec(text);
    if (!m) continue;
    let rest = text.slice(m.index + m[0].length);
    const end = SENTENCE_END.exec(rest);
    if (end) rest = rest.slice(0, end.index);
    const expr = rest.trim().replace(/\.+$/, '').trim();
    return expr === '' ? null : expr;
  }
  return null;
}
