// Final verdict per candidate: the summary's mark first, else the last mark in the steps, else null.
import type { CotLine, CotStep, CotSummary, Mark } from '../types.js';
import type { ParseContext } from './context.js';

// When summary lines overlap (`Person 1-9: ❌` then `Person 5: ✅`), the more specific one wins.
const SPECIFICITY: Record<CotLine['subjectKind'], number> = { single: 3, list: 2, range: 1, others: 0, none: -1 };

export function computeVerdicts(steps: CotStep[], summary: CotSummary | null, ctx: ParseContext): (Mark | null)[] {
  const count = ctx.candidateCount;
  const fromSteps: (Mark | null)[] = new Array<Mark | null>(count).fill(null);
  for (const step of steps) {
    for (const line of step.lines) {
      if (line.mark) for (const n of line.subjects) fromSteps[n - 1] = line.mark;
    }
  }
  const fromSummary: (Mark | null)[] = new Array<Mark | null>(count).fill(null);
  const rank: number[] = new Array<number>(count).fill(-1);
  const conflicted = new Set<number>();
  for (const line of summary?.lines ?? []) {
    if (!line.mark) continue;
    const r = SPECIFICITY[line.subjectKind];
    for (const n of line.subjects) {
      const previous = fromSummary[n - 1];
      if (previous && previous !== line.mark && !conflicted.has(n)) {
        conflicted.add(n);
        ctx.warn(`summary: Person ${n} is marked both ${previous} and ${line.mark}`);
      }
      if (r >= rank[n - 1]) {
        fromSummary[n - 1] = line.mark;
        rank[n - 1] = r;
      }
    }
  }
  return fromSummary.map((mark, i) => mark ?? fromSteps[i]);
}

/** 1-based persons whose verdict is ✅, ascending. */
export function targetsOfVerdicts(verdicts: (Mark | null)[]): number[] {
  const targets: number[] = [];
  verdicts.forEach((mark, i) => {
    if (mark === '✅') targets.push(i + 1);
  });
  return targets;
}
