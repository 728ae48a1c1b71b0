// The region_map side: expressions and 1-based targets, and how they compare with the reasoning's ✅ set.
import type { Consistency } from '../types.js';
import { quote, type ParseContext } from './context.js';

/** A region_map that is not a plain object is treated as `{}` with a warning. */
export function regionMapEntries(regionMap: unknown, ctx: ParseContext): [string, unknown][] {
  if (regionMap === null || typeof regionMap !== 'object' || Array.isArray(regionMap)) {
    ctx.warn('region_map is not an object; treating it as {}');
    return [];
  }
  return Object.entries(regionMap as Record<string, unknown>);
}

/** Union of the 0-based indices + 1, ascending, deduplicated; indices out of range are dropped with a warning. */
export function targetsFromRegionMap(entries: [string, unknown][], ctx: ParseContext): number[] {
  const targets = new Set<number>();
  for (const [expr, indices] of entries) {
    if (!Array.isArray(indices)) {
      ctx.warn(`region_map ${quote(expr)}: value is not a list of indices`);
      continue;
    }
    for (const index of indices) {
      if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < ctx.candidateCount) {
        targets.add(index + 1);
      } else {
        const count = ctx.candidateCount;
        ctx.warn(`region_map ${quote(expr)}: index ${String(index)} is out of range (${count} candidates)`);
      }
    }
  }
  return [...targets].sort((a, b) => a - b);
}

/** Both inputs ascending. Equal sets (including two empty ones: a rejection sample) are consistent. */
export function compareTargets(targets: number[], cotTargets: number[]): Consistency {
  const cot = new Set(cotTargets);
  const map = new Set(targets);
  const onlyInRegionMap = targets.filter((n) => !cot.has(n));
  const onlyInCot = cotTargets.filter((n) => !map.has(n));
  return { consistent: onlyInRegionMap.length === 0 && onlyInCot.length === 0, onlyInRegionMap, onlyInCot };
}
