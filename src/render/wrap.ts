// Greedy line wrapping of styled paragraphs by measured width. Pure: the caller passes the measuring function.
import type { RunKind } from './text-runs.js';
import type { Paragraph } from './paragraph.js';
import { tokenize, toWords, type Token } from './words.js';

export type { Paragraph, Piece } from './paragraph.js';

/** Width in px of `text` drawn as one run of `kind` (in the code font when `mono`). */
export type Measure = (text: string, kind: RunKind, bold: boolean, size: number, mono?: boolean) => number;

export interface PlacedRun {
  x: number;
  width: number;
  text: string;
  kind: RunKind;
  bold: boolean;
  color: string;
  size: number;
  highlight?: string;
  mono?: boolean;
}

export interface Line {
  runs: PlacedRun[];
  width: number;
  height: number;
  size: number;
  spaceBefore: number;
  band?: string;
  keepWithNext: boolean;
  /** Index of the paragraph this line belongs to. */
  paragraph: number;
}

/** Splits a token into pieces that can be placed one by one when a word is wider than a line. */
function charPieces(t: Token): Token[] {
  if (t.kind !== 'text') return [t];
  return Array.from(t.text, (ch) => ({ ...t, text: ch }));
}

/** Wraps paragraphs to `maxWidth`. Every non-space character ends up in exactly one placed run, in order. */
export function wrapParagraphs(paragraphs: Paragraph[], maxWidth: number, measure: Measure): Line[] {
  const lines: Line[] = [];
  paragraphs.forEach((p, pi) => {
    const w = (t: Token) => measure(t.text, t.kind, t.bold, p.size, t.mono);
    const hangText = p.hangChars ? p.pieces.map((x) => x.text).join('').slice(0, p.hangChars) : '';
    const hang = Math.min(hangText ? measure(hangText, 'text', p.bold ?? false, p.size, p.mono) : 0, maxWidth / 2);
    let line: Line = newLine(p, pi, p.spaceBefore ?? 0);
    let x = 0;
    const place = (t: Token, width: number) => {
      line.runs.push({ x, width, text: t.text, kind: t.kind, bold: t.bold, color: t.color, size: p.size, highlight: t.highlight, ...(t.mono ? { mono: true } : {}) });
      x += width;
      line.width = x;
    };
    const breakLine = () => {
      lines.push(line);
      line = newLine(p, pi, 0);
      x = hang;
    };
    for (const word of toWords(tokenize(p))) {
      const ww = word.tokens.reduce((s, t) => s + w(t), 0);
      const sw = word.space ? w(word.space) : 0;
      // Leading spaces indent a paragraph's first line; at a wrap they are dropped.
      if (line.runs.length > 0 && x + sw + ww > maxWidth) breakLine();
      const onFirstLine = lines.length === 0 || lines[lines.length - 1].paragraph !== pi;
      if (word.space && (line.runs.length > 0 || onFirstLine)) place(word.space, Math.min(sw, maxWidth / 2));
      if (x + ww <= maxWidth) {
        for (const t of word.tokens) place(t, w(t));
        continue;
      }
      // Wider than a whole line: place character by character.
      for (const t of word.tokens.flatMap(charPieces)) {
        const tw = w(t);
        if (x + tw > maxWidth && line.runs.length > 0 && x > hang) breakLine();
        place(t, tw);
      }
    }
    lines.push(line);
  });
  return lines.map(mergeRuns);
}

function newLine(p: Paragraph, paragraph: number, spaceBefore: number): Line {
  return {
    runs: [],
    width: 0,
    height: p.lineHeight,
    size: p.size,
    spaceBefore,
    band: p.band,
    keepWithNext: p.keepWithNext ?? false,
    paragraph,
  };
}

/** Adjacent runs of one style become one run: one fillText call each. */
function mergeRuns(line: Line): Line {
  const runs: PlacedRun[] = [];
  for (const r of line.runs) {
    const prev = runs[runs.length - 1];
    if (prev && prev.kind === 'text' && r.kind === 'text' && prev.bold === r.bold && prev.color === r.color && prev.highlight === r.highlight && prev.mono === r.mono) {
      prev.text += r.text;
      prev.width = r.x + r.width - prev.x;
    } else runs.push({ ...r });
  }
  return { ...line, runs };
}
