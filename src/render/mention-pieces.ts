// How a `Person N` mention reads in the reasoning: which spans of the text are mentions (grouped subjects included)
// and the styled pieces of a line, each mention bold in its box colour.
import type { Mention, ParsedCot } from '../types.js';
import { candidateColor, readableOnWhite, tint } from './colors.js';
import type { Piece } from './wrap.js';

/** A mention never breaks across lines: `Person\u00A02`. */
export function nbsp(text: string): string {
  return text.replace(/ /g, '\u00A0');
}

/** A mention's style: bold, in its box colour (darkened if too light), on a light tint of that colour. */
export function mentionStyle(person: number, cot: ParsedCot): Pick<Piece, 'bold' | 'color' | 'highlight'> {
  const c = candidateColor(person, cot.verdicts[person - 1] ?? null);
  return { bold: true, color: readableOnWhite(c), highlight: tint(c, 0.14) };
}

/** `Person 2, Person 4` with each number in its box colour; `nobody` when empty. */
export function personPieces(persons: number[], cot: ParsedCot, prefix = 'Person '): Piece[] {
  if (persons.length === 0) return [{ text: 'nobody' }];
  const out: Piece[] = [];
  persons.forEach((n, i) => {
    if (i > 0) out.push({ text: ', ' });
    out.push({ text: nbsp(`${i === 0 ? prefix : ''}${n}`), ...mentionStyle(n, cot) });
  });
  return out;
}

/** Pieces of think[start, end): plain text with each mention in bold, coloured like its box. */
export function linePieces(think: string, start: number, end: number, mentions: Mention[], cot: ParsedCot): Piece[] {
  const out: Piece[] = [];
  let at = start;
  for (const m of mentions) {
    if (m.end <= at || m.start < at) continue;
    if (m.start >= end) break;
    if (m.end > end) continue;
    if (m.start > at) out.push({ text: think.slice(at, m.start) });
    out.push({ text: nbsp(think.slice(m.start, m.end)), ...mentionStyle(m.person, cot) });
    at = m.end;
  }
  if (at < end) out.push({ text: think.slice(at, end) });
  return out;
}

/** The subject at the start of a grouped line: `- Person 1, 3, 4:`, `- Person 6-7:`, `* People 9 to 12 →`. */
const GROUP_SUBJECT = /^[\s*•-]*(?:\*\*)?([A-Za-z]+)[ \t\u00A0]*(\d+(?:[ \t\u00A0]*(?:,|&|\band\b|-|\u2013|\u2014|\bto\b)[ \t\u00A0]*(?:[A-Za-z]+[ \t\u00A0]*)?\d+)+)/;

/**
 * Mentions the parser does not list one by one: in a grouped subject (`Person 1, 3, 4`, `Person 6-7`,
 * `Person 9-12`) each written number gets its own mention, so each is drawn in its own box colour (the first one
 * with its noun, as `Person 1`). Only numbers the line is about (its subjects) count.
 */
export function groupedSubjectMentions(think: string, cot: ParsedCot): Mention[] {
  const lines = [...cot.steps.flatMap((st) => st.lines), ...(cot.summary?.lines ?? [])].filter((l) => l.subjectKind === 'list' || l.subjectKind === 'range');
  const out: Mention[] = [];
  for (const line of lines) {
    const m = GROUP_SUBJECT.exec(think.slice(line.start, line.end));
    if (!m) continue;
    const subjects = new Set(line.subjects);
    const listStart = line.start + m.index + m[0].length - m[2].length;
    const nounStart = line.start + m[0].indexOf(m[1], m.index);
    for (const n of m[2].matchAll(/\d+/g)) {
      const person = Number(n[0]);
      if (!subjects.has(person)) continue;
      const start = listStart + n.index!;
      const first = out.length === 0 || out[out.length - 1].start < line.start;
      out.push({ start: first ? nounStart : start, end: start + n[0].length, person, noun: m[1] });
    }
  }
  return out;
}

/** The parser's mentions and the grouped ones, in text order, without overlaps (the parser's win). */
export function allMentions(think: string, cot: ParsedCot): Mention[] {
  const own = [...cot.mentions].sort((a, b) => a.start - b.start);
  const extra = groupedSubjectMentions(think, cot).filter((g) => !own.some((m) => m.start < g.end && g.start < m.end));
  return [...own, ...extra].sort((a, b) => a.start - b.start);
}
