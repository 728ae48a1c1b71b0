// parseChainOfThought: the think text of one sample -> planning, steps, summary, verdicts, mentions, warnings.
import { CUSTOM_GRPO_SOURCE, type Annotation, type CotStep, type CotSummary, type Mark, type ParsedCot, type RowAnswer, type Span } from '../types.js';
import { createContext, type ParseContext } from './context.js';
import { compareTargets, regionMapEntries, targetsFromRegionMap } from './consistency.js';
import { splitLines, spanOfLines, type RawLine } from './lines.js';
import { findMentions } from './mentions.js';
import { candidateNounOf, nounKey, nounOfCategory } from './nouns.js';
import { expressionFromPlanning, parsePlan } from './planning.js';
import { parseSectionBody } from './section-lines.js';
import { findSections, type Section } from './sections.js';
import { computeVerdicts, targetsOfVerdicts } from './verdicts.js';

const EMPTY_THINK = 'think is empty';

/**
 * Parses the chain of thought of one sample. Pure and total: problems become `warnings`, never exceptions.
 * @param think the `think` text, without `<think>` tags
 * @param candidateCount number of candidates (gt_boxes.length); Person N is candidate N-1
 * @param regionMap expression -> 0-based target indices; `{}` takes the expression from the planning sentence
 */
export function parseChainOfThought(
  think: string,
  candidateCount: number,
  regionMap: Record<string, number[]>,
): ParsedCot {
  const ctx = createContext(candidateCount);
  const text = typeof think === 'string' ? think : '';
  try {
    return parse(text, regionMap, ctx);
  } catch (error) {
    // Only a bug gets here; a whole dataset run must not stop for one sample.
    ctx.warn(`internal parser error: ${describe(error)}`);
    try {
      return emptyResult(regionMap, ctx);
    } catch {
      return emptyResult({}, ctx);
    }
  }
}

/** The reasoning of one annotation: its `think`, with Person N = gt_boxes[N-1] and the targets of region_map. */
export function parseAnnotationCot(annotation: Pick<Annotation, 'think' | 'gtBoxes' | 'regionMap'> & { extra?: Annotation['extra'] }): ParsedCot {
  const cot = parseChainOfThought(annotation.think, annotation.gtBoxes.length, annotation.regionMap);
  const answer = rowAnswer(annotation.extra, cot.targets);
  if (!answer) return cot;
  // No reasoning by design: nothing to disagree with region_map, and no "think is empty" to report. The candidates are
  // named by the hints' category (`Car 2`), which the reasoning would otherwise have named.
  const noun = cot.mentions.length ? cot.noun : (nounOfCategory(annotation.extra?.hint_category) ?? cot.noun);
  return { ...cot, noun, answer, consistency: compareTargets([], []), warnings: cot.warnings.filter((w) => w !== EMPTY_THINK) };
}

/** The answer of a row of upstream's custom GRPO format (its target, when one hint equals `ans`); undefined for any other sample. */
function rowAnswer(extra: Annotation['extra'] | undefined, targets: number[]): RowAnswer | undefined {
  if (extra?.source !== CUSTOM_GRPO_SOURCE) return undefined;
  const box = extra.ans;
  if (!Array.isArray(box) || box.length !== 4 || !box.every((v) => typeof v === 'number')) return undefined;
  return { box: box as RowAnswer['box'], hint: targets[0] ?? null };
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'unprintable error';
  }
}

function parse(think: string, regionMap: unknown, ctx: ParseContext): ParsedCot {
  if (think.trim() === '') {
    ctx.warn(EMPTY_THINK);
    return emptyResult(regionMap, ctx);
  }
  const lines = splitLines(think);
  const sections = findSections(lines);
  const planningEnd = sections.length > 0 ? sections[0].headerLine : lines.length;
  const planningSpan = spanOfLines(lines, 0, planningEnd) ?? { start: 0, end: 0 };

  const steps: CotStep[] = [];
  const summaries: CotSummary[] = [];
  const subjectNounKeys = new Set<string>();
  for (const section of sections) {
    const parsed = parseSection(think, lines, section, ctx);
    for (const noun of parsed.subjectNouns) subjectNounKeys.add(nounKey(noun));
    if (parsed.step) steps.push(parsed.step);
    if (parsed.summary) summaries.push(parsed.summary);
  }
  if (summaries.length > 1) ctx.warn(`${summaries.length} summary sections found; using the last one`);
  const summary = summaries.length > 0 ? summaries[summaries.length - 1] : null;
  if (!summary) ctx.warn('no summary found');

  const entries = regionMapEntries(regionMap, ctx);
  const planned = expressionFromPlanning(lines, 0, planningEnd);
  const expressions = entries.length > 0 ? entries.map(([expr]) => expr) : planned !== null ? [planned] : [];
  const targets = targetsFromRegionMap(entries, ctx);
  const verdicts = computeVerdicts(steps, summary, ctx);
  const cotTargets = targetsOfVerdicts(verdicts);
  const mentions = findMentions(think, subjectNounKeys, ctx);
  return {
    expressions,
    planning: { ...planningSpan, text: think.slice(planningSpan.start, planningSpan.end) },
    plan: parsePlan(lines, 0, planningEnd),
    steps,
    summary,
    verdicts,
    mentions,
    noun: candidateNounOf(mentions),
    targets,
    cotTargets,
    consistency: compareTargets(targets, cotTargets),
    warnings: ctx.warnings(),
  };
}

function parseSection(
  think: string,
  lines: RawLine[],
  section: Section,
  ctx: ParseContext,
): { step?: CotStep; summary?: CotSummary; subjectNouns: string[] } {
  const headerLine = lines[section.headerLine];
  const from = section.headerLine + 1;
  const span: Span = spanOfLines(lines, section.headerLine, section.end) ?? headerLine;
  const { header } = section;
  const where = header.type === 'step' ? `step ${header.number}` : 'summary';
  const introStart = headerLine.start + (header.type === 'summary' ? header.bodyOffset : headerLine.text.length);
  const body = parseSectionBody({ think, lines, from, to: section.end, introStart, sectionEnd: span.end, where }, ctx);
  if (header.type === 'step') {
    const { number, title } = header;
    const step: CotStep = { ...span, number, title, intro: body.intro, lines: body.lines };
    return { step, subjectNouns: body.subjectNouns };
  }
  const summary: CotSummary = { ...span, header: header.header, intro: body.intro, lines: body.lines };
  return { summary, subjectNouns: body.subjectNouns };
}

function emptyResult(regionMap: unknown, ctx: ParseContext): ParsedCot {
  const entries = regionMapEntries(regionMap, ctx);
  const targets = targetsFromRegionMap(entries, ctx);
  return {
    expressions: entries.map(([expr]) => expr),
    planning: { start: 0, end: 0, text: '' },
    plan: [],
    steps: [],
    summary: null,
    verdicts: new Array<Mark | null>(ctx.candidateCount).fill(null),
    mentions: [],
    noun: candidateNounOf([]),
    targets,
    cotTargets: [],
    consistency: compareTargets(targets, []),
    warnings: ctx.warnings(),
  };
}
