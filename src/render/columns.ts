// Flows wrapped lines into columns of bounded height, so a long trace gets wider instead of absurdly tall.
import type { Line } from './wrap.js';

export interface FlowedLine {
  line: Line;
  column: number;
  /** Top of the line inside its column, in px. */
  y: number;
}

export interface Flow {
  lines: FlowedLine[];
  columns: number;
  /** Height of the tallest column. */
  height: number;
}

/**
 * Height that must fit before line i may start a column's content: a short paragraph (up to 4 lines)
 * moves whole, a longer one needs its first two lines; other lines only themselves.
 */
function keepHeights(lines: Line[]): number[] {
  const keep = lines.map((l) => l.height);
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && lines[j].paragraph === lines[i].paragraph) j++;
    const take = j - i <= 4 ? j - i : 2;
    let h = 0;
    for (let k = i; k < i + take; k++) h += (k > i ? lines[k].spaceBefore : 0) + lines[k].height;
    keep[i] = h;
    i = j;
  }
  return keep;
}

/** Greedy flow with a column height limit: short paragraphs are not split, a heading never ends a column, space above a column's first line is dropped. */
export function flowIntoColumns(lines: Line[], limit: number): Flow {
  const keep = keepHeights(lines);
  const out: FlowedLine[] = [];
  let column = 0;
  let y = 0;
  let height = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let need = (y > 0 ? line.spaceBefore : 0) + keep[i];
    // Keep a heading with what follows it.
    if (line.keepWithNext && i + 1 < lines.length) need += lines[i + 1].spaceBefore + keep[i + 1];
    if (y > 0 && y + need > limit) {
      column++;
      y = 0;
    }
    y += y > 0 ? line.spaceBefore : 0;
    out.push({ line, column, y });
    y += line.height;
    height = Math.max(height, y);
  }
  return { lines: out, columns: column + 1, height };
}

/**
 * Fewest columns whose height stays within `maxHeight` (one column if all fits), then evened out:
 * the limit is lowered towards total/columns as long as the column count does not grow.
 */
export function balanceColumns(lines: Line[], maxHeight: number): Flow {
  const first = flowIntoColumns(lines, maxHeight);
  if (first.columns === 1) return first;
  const total = lines.reduce((s, l) => s + l.spaceBefore + l.height, 0);
  let lo = Math.max(total / first.columns, 1);
  let hi = maxHeight;
  let best = first;
  for (let k = 0; k < 20 && hi - lo > 1; k++) {
    const mid = (lo + hi) / 2;
    const f = flowIntoColumns(lines, mid);
    if (f.columns <= first.columns) {
      best = f;
      hi = mid;
    } else lo = mid;
  }
  return best;
}
