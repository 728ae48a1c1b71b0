// A paragraph as words: styled tokens (text, emoji, missing glyphs), breakable spaces, marks glued to the word before.
import { splitRuns, type RunKind } from './text-runs.js';
import type { Paragraph } from './paragraph.js';

export interface Token {
  text: string;
  kind: RunKind;
  bold: boolean;
  color: string;
  space: boolean;
  highlight?: string;
  mono?: boolean;
}

export function tokenize(p: Paragraph): Token[] {
  const out: Token[] = [];
  for (const piece of p.pieces) {
    const bold = piece.bold ?? p.bold ?? false;
    const color = piece.color ?? p.color;
    const highlight = piece.highlight;
    const mono = (piece.mono ?? p.mono) ? { mono: true } : {};
    for (const run of splitRuns(piece.text)) {
      if (run.kind !== 'text') {
        out.push({ text: run.text, kind: run.kind, bold, color, space: false, highlight });
        continue;
      }
      // No-break spaces (inside a `Person N` mention) are not break points.
      for (const part of run.text.split(/([^\S\u00A0]+)/)) {
        if (part) out.push({ text: part.replace(/[^\S\u00A0]/g, ' '), kind: 'text', bold, color, space: /^[^\S\u00A0]/.test(part), highlight, ...mono });
      }
    }
  }
  return out;
}

export interface Word {
  space: Token | null;
  tokens: Token[];
}

function mergeSpace(prev: Token | null, t: Token): Token {
  return prev ? { ...prev, text: prev.text + t.text } : t;
}

/** Words are runs of non-space tokens; a missing glyph (CJK) is a word of its own so lines can break around it. */
export function toWords(tokens: Token[]): Word[] {
  const words: Word[] = [];
  let space: Token | null = null;
  let cur: Word | null = null;
  for (const t of tokens) {
    if (t.space) {
      space = mergeSpace(space, t);
      cur = null;
    } else if (t.kind === 'missing') {
      words.push({ space, tokens: [t] });
      space = null;
      cur = null;
    } else {
      if (!cur || cur.tokens[cur.tokens.length - 1].kind === 'missing') {
        cur = { space, tokens: [] };
        words.push(cur);
        space = null;
      }
      cur.tokens.push(t);
    }
  }
  return glueMarks(words);
}

/** A word made only of emoji (`✅`, `⚠️`) stays on the line of the word before it: `→ ✅` never splits. */
function glueMarks(words: Word[]): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev && w.tokens.every((t) => t.kind === 'emoji') && prev.tokens[prev.tokens.length - 1].kind !== 'missing') {
      if (w.space) prev.tokens.push(w.space);
      prev.tokens.push(...w.tokens);
    } else out.push(w);
  }
  return out;
}

