// Turns the body of a step or summary section into its intro and its candidate lines.
import type { CotLine, Mark } from '../types.js';
import { quote, type ParseContext } from './context.js';
import type { RawLine } from './lines.js';
import { findLastMark, stripTrailingMark } from './marks.js';
import { bulletLength, parseNamedSubject, parseOrder, parseOthersSubject, type NamedSubject } from './subjects.js';

export interface SectionBody {
  intro: string;
  lines: CotLine[];
  /** Head nouns of the named subjects (`Person`, `Helmet`), as written. */
  subjectNouns: string[];
}

/** Where a section's body lies: lines[from..to) of `think`, ending at offset `sectionEnd`; `where` names it in warnings. */
export interface SectionSource {
  think: string;
  lines: RawLine[];
  from: number;
  to: number;
  /** Offset where the intro starts (after the header). */
  introStart: number;
  sectionEnd: number;
  where: string;
}

/** One non-blank line, read: its bullet, mark and what it is about (a named subject, `Others`, an order, or nothing). */
function readLine(raw: RawLine) {
  const bullet = bulletLength(raw.text);
  const content = raw.text.slice(bullet);
  const found = findLastMark(content);
  const subject = parseNamedSubject(content, found !== null);
  const others = subject ? null : parseOthersSubject(content, found !== null);
  const order = subject || others ? null : parseOrder(content);
  const line: CotLine = { start: raw.start, end: raw.end, subjects: [], subjectKind: 'none', mark: found ? found.mark : null, text: stripTrailingMark(content, found) };
  return { line, subject, others, order, isCandidateLine: Boolean(subject || others || order || bullet > 0) };
}

/**
 * The intro runs from `introStart` to the first line that names a subject, gives an order or starts with a
 * bullet; every non-blank line from there on is a CotLine.
 */
export function parseSectionBody(source: SectionSource, ctx: ParseContext): SectionBody {
  const { think, lines, where } = source;
  const out: CotLine[] = [];
  const subjectNouns: string[] = [];
  const othersLines: { line: CotLine; remaining: number | null }[] = [];
  const named = new Set<number>();
  let introEnd = -1;
  for (let i = source.from; i < source.to; i++) {
    const raw = lines[i];
    if (raw.text === '') continue;
    const { line, subject, others, order, isCandidateLine } = readLine(raw);
    if (introEnd < 0 && !isCandidateLine) continue;
    if (introEnd < 0) introEnd = raw.start;
    if (subject) {
      line.subjectKind = subject.kind;
      line.subjects = expandSubject(subject, where, ctx);
      for (const n of line.subjects) named.add(n);
      subjectNouns.push(subject.noun);
    } else if (others) {
      line.subjectKind = 'others';
      othersLines.push({ line, remaining: others.remaining });
    } else if (order) {
      line.order = order.filter((n) => ctx.checkPerson(n, where));
    }
    if (line.subjectKind === 'none' && line.mark) warnUnnamedMark(line.text, line.mark, where, ctx);
    out.push(line);
  }
  resolveOthers(othersLines, named, where, ctx);
  const intro = think.slice(source.introStart, introEnd < 0 ? source.sectionEnd : introEnd).trim();
  return { intro, lines: out, subjectNouns };
}

function warnUnnamedMark(text: string, mark: Mark, where: string, ctx: ParseContext): void {
  ctx.warn(`${where}: line ${quote(text)} carries ${mark} but names no candidate`);
}

/** Subjects in range, ascending and unique; numbers out of range are dropped with a warning. */
function expandSubject(subject: NamedSubject, where: string, ctx: ParseContext): number[] {
  const set = new Set<number>();
  for (const [a, b] of subject.items) {
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    if (low === high) {
      if (ctx.checkPerson(low, where)) set.add(low);
      continue;
    }
    ctx.checkPerson(low, where);
    ctx.checkPerson(high, where);
    // Bounded by candidateCount, so `Person 1-999999999` costs nothing.
    for (let n = Math.max(low, 1); n <= Math.min(high, ctx.candidateCount); n++) set.add(n);
  }
  return [...set].sort((x, y) => x - y);
}

/** `Others` = every candidate the same section does not name as a subject. */
function resolveOthers(
  othersLines: { line: CotLine; remaining: number | null }[],
  named: Set<number>,
  where: string,
  ctx: ParseContext,
): void {
  if (othersLines.length === 0) return;
  const rest: number[] = [];
  for (let n = 1; n <= ctx.candidateCount; n++) if (!named.has(n)) rest.push(n);
  for (const { line, remaining } of othersLines) {
    line.subjects = rest.slice();
    if (remaining !== null && remaining !== rest.length) {
      ctx.warn(`${where}: line ${quote(line.text)} speaks of ${remaining} remaining but ${rest.length} are not named`);
    }
  }
}
