// Table cells and tables as upstream prints them: Python's 3-decimal rounding, a Markdown pipe table.
import { oneLine } from '../errors.js';

/**
 * Python's `f"{x:.3f}"`: correctly rounded, ties to even. JS `toFixed` rounds exact ties up, and with three
 * decimals a double is an exact tie only at odd multiples of 1/16 (0.0625 -> "0.062", not "0.063").
 */
export function formatFixed3(x: number): string {
  const sixteenths = x * 16; // exact: a power of two
  if (Number.isInteger(sixteenths) && Math.abs(sixteenths) % 2 === 1) {
    let thousandths = Math.floor(x * 1000); // x * 1000 = k + 0.5 exactly
    if (Math.abs(thousandths) % 2 === 1) thousandths += 1;
    const sign = thousandths < 0 ? '-' : '';
    const digits = String(Math.abs(thousandths)).padStart(4, '0');
    return `${sign}${digits.slice(0, -3)}.${digits.slice(-3)}`;
  }
  return x.toFixed(3);
}

/** A Markdown pipe table, columns padded so it also reads in a terminal. Cells are escaped for Markdown and the terminal. */
export function pipeTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => oneLine(cell).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  const all = [headers, ...rows].map((row) => row.map(escape));
  const widths = headers.map((_, c) => Math.max(3, ...all.map((row) => [...(row[c] ?? '')].length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n');
}

export interface MarkdownSection {
  heading: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
}

/** `## heading`, a blank line, the table, a blank line: one per section, as metrics.md lays them out. */
export function markdownSections(sections: readonly MarkdownSection[]): string[] {
  return sections.flatMap((s) => [`## ${s.heading}`, '', pipeTable(s.headers, s.rows), '']);
}
