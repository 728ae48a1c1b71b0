// Turns the think text and its parse into styled paragraphs: expressions header, then Planning, Steps, Summary; nothing dropped.
import type { Mention, ParsedCot, Span } from '../types.js';
import { candidateColor, INK, MUTED, readableOnWhite, tint } from './colors.js';
import type { Paragraph, Piece } from './wrap.js';

export interface ReasoningStyle {
  size: number;
  /** The expression and region_map lines on top (default true; eval writes its own header). */
  header?: boolean;
}

const HEADING_BAND = '#e8eef7';
const HEADING_INK = '#1d3f72';
const TAG_INK = '#6b7a90';

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

interface Segment extends Span {
  kind: 'planning' | 'step' | 'summary' | 'other';
  label: string;
}

/** Planning, steps and summary in text order, with any uncovered text as `other` segments between them. */
export function segmentThink(think: string, cot: ParsedCot): Segment[] {
  const spans: Segment[] = [];
  const add = (s: Span | null | undefined, kind: Segment['kind'], label: string) => {
    if (s && s.end > s.start) spans.push({ start: s.start, end: s.end, kind, label });
  };
  add(cot.planning, 'planning', 'Planning');
  for (const st of cot.steps) add(st, 'step', `Step ${st.number}`);
  add(cot.summary, 'summary', 'Summary');
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Segment[] = [];
  let at = 0;
  for (const s of spans) {
    const start = Math.max(s.start, at);
    const end = Math.min(s.end, think.length);
    if (start > at) out.push({ start: at, end: start, kind: 'other', label: '' });
    if (end > start) out.push({ ...s, start, end });
    at = Math.max(at, end);
  }
  if (at < think.length) out.push({ start: at, end: think.length, kind: 'other', label: '' });
  return out;
}

const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;

/** The paragraph factory of one text size: body text, with overrides. */
function bodyOf(s: number) {
  return (pieces: Piece[], extra: Partial<Paragraph> = {}): Paragraph => ({ pieces, size: s, lineHeight: Math.round(s * 1.4), color: INK, ...extra });
}

/** The header: each referring expression in large type, then the persons region_map makes its targets. */
function expressionParagraphs(cot: ParsedCot, s: number, regionMap: Record<string, number[]>, header: boolean): Paragraph[] {
  const body = bodyOf(s);
  const out: Paragraph[] = [];
  const title = Math.round(s * 1.3);
  const exprs = !header ? [] : cot.expressions.length ? cot.expressions : [''];
  exprs.forEach((e, i) => {
    out.push({
      pieces: [{ text: e ? `“${e}”` : '(no expression)' }],
      size: title,
      lineHeight: Math.round(title * 1.3),
      color: INK,
      bold: true,
      spaceBefore: i > 0 ? Math.round(s * 0.5) : 0,
    });
    // With several expressions each gets its own targets; otherwise the union is the same list.
    const own = exprs.length > 1 ? regionMap[e] : undefined;
    const targets = own ? [...new Set(own.map((t) => t + 1))].sort((a, b) => a - b) : cot.targets;
    out.push(
      body(
        targets.length
          ? [{ text: 'region_map targets: ' }, ...personPieces(targets, cot)]
          : [{ text: 'region_map: no target (rejection)', bold: true }],
        { color: MUTED },
      ),
    );
  });
  return out;
}

/** The segment's lines as spans of `think`, without the blank lines at its edges (inner blank lines stay: they add space). */
function segmentLines(think: string, seg: Segment): Span[] {
  const lines: Span[] = [];
  let p = seg.start;
  while (p <= seg.end) {
    let e = think.indexOf('\n', p);
    if (e < 0 || e > seg.end) e = seg.end;
    lines.push({ start: p, end: e });
    p = e + 1;
  }
  while (lines.length && !think.slice(lines[0].start, lines[0].end).trim()) lines.shift();
  while (lines.length && !think.slice(lines[lines.length - 1].start, lines[lines.length - 1].end).trim()) lines.pop();
  return lines;
}

/** One segment: a tag band (PLANNING, STEP 2 ...) unless the text has its own `#` heading, then every line. */
function segmentParagraphs(think: string, seg: Segment, cot: ParsedCot, mentions: Mention[], s: number): Paragraph[] {
  const body = bodyOf(s);
  const lines = segmentLines(think, seg);
  if (!lines.length) return [];
  const out: Paragraph[] = [];
  const hasHeading = /^\s*#/.test(think.slice(lines[0].start, lines[0].end));
  if (seg.kind !== 'other' && !hasHeading) {
    out.push(
      body([{ text: seg.label.toUpperCase() }], {
        size: Math.round(s * 0.8),
        lineHeight: Math.round(s * 1.3),
        color: TAG_INK,
        bold: true,
        band: HEADING_BAND,
        spaceBefore: Math.round(s * 0.9),
        keepWithNext: true,
      }),
    );
  }
  let gap = seg.kind === 'other' || !hasHeading ? Math.round(s * 0.5) : Math.round(s * 0.9);
  for (const ln of lines) {
    const text = think.slice(ln.start, ln.end).replace(/\r$/, '');
    if (!text.trim()) {
      gap = Math.round(s * 0.5);
      continue;
    }
    const heading = /^\s*#+\s*/.exec(text);
    if (heading) {
      out.push(
        body(linePieces(think, ln.start + heading[0].length, ln.start + text.length, mentions, cot), {
          bold: true,
          color: HEADING_INK,
          band: HEADING_BAND,
          spaceBefore: gap,
          keepWithNext: true,
        }),
      );
    } else {
      const bullet = BULLET.exec(text);
      out.push(body(linePieces(think, ln.start, ln.start + text.length, mentions, cot), { spaceBefore: gap, hangChars: bullet ? bullet[0].length : 0 }));
    }
    gap = 0;
  }
  return out;
}

/** The reasoning panel's paragraphs: the expressions header, then each segment of `think` in text order. */
export function buildReasoning(think: string, cot: ParsedCot, style: ReasoningStyle, regionMap: Record<string, number[]> = {}): Paragraph[] {
  const mentions = allMentions(think, cot);
  const out = expressionParagraphs(cot, style.size, regionMap, style.header !== false);
  for (const seg of segmentThink(think, cot)) out.push(...segmentParagraphs(think, seg, cot, mentions, style.size));
  return out;
}
