// Finds the verdict mark of a line (✅ ❌ ⚠️) and strips a trailing `→ mark`.
import type { Mark } from '../types.js';

const CHECK = '\u2705';
const CROSS = '\u274C';
const WARNING = '\u26A0';
// Variation selectors (emoji U+FE0F, text U+FE0E) belong to the mark before them.
const isVariationSelector = (ch: string | undefined): boolean => ch === '\uFE0F' || ch === '\uFE0E';

export interface FoundMark {
  mark: Mark;
  /** Index of the mark's first code unit in the searched text. */
  index: number;
  /** Code units including an optional variation selector. */
  length: number;
}

function markOf(ch: string): Mark | null {
  if (ch === CHECK) return '✅';
  if (ch === CROSS) return '❌';
  if (ch === WARNING) return '⚠️';
  return null;
}

/** The last mark in the text (⚠ with or without U+FE0F becomes '⚠️'), or null. */
export function findLastMark(text: string): FoundMark | null {
  // Three native scans beat a per-character loop, especially before the JIT has warmed up.
  const i = Math.max(text.lastIndexOf(CHECK), text.lastIndexOf(CROSS), text.lastIndexOf(WARNING));
  if (i < 0) return null;
  const mark = markOf(text[i]) as Mark;
  return { mark, index: i, length: isVariationSelector(text[i + 1]) ? 2 : 1 };
}

const TRAILING_ARROWS = ['\u2192', '->', '=>', '\u27F6', '\u21D2'];
// What may follow a mark that still counts as "at the end of the line".
const AFTER_MARK = /^[\s.,;!。]*$/;

/** The text without its trailing `→ mark`; unchanged when the mark is not at the end. */
export function stripTrailingMark(text: string, found: FoundMark | null): string {
  if (!found || !AFTER_MARK.test(text.slice(found.index + found.length))) return text;
  const before = text.slice(0, found.index).trimEnd();
  const arrow = TRAILING_ARROWS.find((a) => before.endsWith(a));
  return arrow ? before.slice(0, -arrow.length).trimEnd() : before;
}
