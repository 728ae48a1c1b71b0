// Turns the think text and its parse into styled paragraphs: expressions header, then Planning, Steps, Summary; nothing dropped.
import type { Mention, ParsedCot, Span } from '../types.js';
import { ANSWER_COLOR, INK, MUTED } from './colors.js';
import type { Paragraph, Piece } from './wrap.js';
import { allMentions, linePieces, personPieces } from './mention-pieces.js';

export interface ReasoningStyle {
  size: number;
  /** The expression and region_map lines on top (default true; eval writes its own header). */
  header?: boolean;
}

const HEADING_BAND = '#e8eef7';
const HEADING_INK = '#1d3f72';
const TAG_INK = '#6b7a90';

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

/** A custom GRPO row's header under its expression: what it answers, and that it has no reasoning. */
function answerParagraphs(cot: ParsedCot, s: number): Paragraph[] {
  const body = bodyOf(s);
  const hint = cot.answer!.hint;
  const ans: Piece[] = hint === null ? [{ text: 'ans: none of the hints exactly (drawn dashed)', bold: true }] : [{ text: 'ans: ' }, { text: `${cot.noun}\u00A0${hint}`, bold: true, color: ANSWER_COLOR }];
  return [body(ans, { color: MUTED }), body([{ text: 'No reasoning: rows of upstream\'s custom GRPO format carry none.' }], { color: MUTED, spaceBefore: Math.round(s * 0.5) })];
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
    if (cot.answer) {
      out.push(...answerParagraphs(cot, s));
      return;
    }
    out.push(
      body(
        targets.length
          ? [{ text: 'region_map targets: ' }, ...personPieces(targets, cot, `${cot.noun} `)]
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
