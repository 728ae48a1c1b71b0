// Splits the think text into lines with their offsets, so every later stage works line by line.
import type { Span } from '../types.js';

/** One physical line, trimmed of surrounding whitespace; start/end index the think string. */
export interface RawLine extends Span {
  text: string;
}

/** Lines end at `\n` (a trailing `\r` is whitespace); blank lines are kept with text ''. */
export function splitLines(think: string): RawLine[] {
  const lines: RawLine[] = [];
  let pos = 0;
  while (pos <= think.length) {
    let next = think.indexOf('\n', pos);
    if (next < 0) next = think.length;
    const raw = think.slice(pos, next);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const start = text === '' ? pos : pos + lead;
    lines.push({ start, end: start + text.length, text });
    pos = next + 1;
  }
  return lines;
}

/** The span covering lines[from..to) minus blank lines at either end; null when all are blank. */
export function spanOfLines(lines: RawLine[], from: number, to: number): Span | null {
  let a = from;
  while (a < to && lines[a].text === '') a++;
  let b = to - 1;
  while (b >= a && lines[b].text === '') b--;
  if (a > b) return null;
  return { start: lines[a].start, end: lines[b].end };
}
