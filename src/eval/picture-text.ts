// The text beside an eval picture, as styled paragraphs: the sample, the model's score, boxes, verdicts vs truth, its reasoning.
import type { Mark, ParsedCot } from '../types.js';
import { buildReasoning, candidateColor, INK, MUTED, nbsp, readableOnWhite, tint, verdictColor, type Paragraph, type Piece } from '../render/index.js';
import type { ModelSampleResult } from './evaluate.js';
import { answerParagraphs } from './picture-answer.js';
import type { GtBoxJudgement, PersonJudgement, PredictedBoxJudgement } from './judge.js';
import type { EvalGtSample } from './read-gt.js';
import type { ParsedResponse } from './response.js';
import { formatFixed3 } from './table.js';

/** Predicted-box outcome colours: apart from the green/red/grey of the person colours. */
export const OUTCOME_COLORS = { hit: '#1565c0', 'false-alarm': '#c2185b', missed: '#ef6c00' } as const;

const BAND = '#e8eef7';
const BAND_INK = '#1d3f72';
const OK = '#0f7a32';
const BAD = '#b2121a';

/** A person's colour says whether the model's final verdict agrees with the truth: green yes, red no, grey no mark. */
export function agreementMark(j: PersonJudgement): Mark | null {
  return j.agreement === 'agree' ? '✅' : j.agreement === 'disagree' ? '❌' : null;
}

export function personColor(j: PersonJudgement): string {
  return candidateColor(j.person, agreementMark(j));
}

/** The parse with verdicts replaced by agreement, so the shared reasoning panel colours each mention by agreement. */
export function agreementCot(cot: ParsedCot, persons: readonly PersonJudgement[]): ParsedCot {
  return { ...cot, verdicts: persons.map(agreementMark) };
}

/** The persons' judgements and what the candidates are called. */
interface Names {
  persons: readonly PersonJudgement[];
  noun: string;
}

function mention(person: number, names: Names): Piece {
  const j = names.persons[person - 1];
  const c = j ? personColor(j) : candidateColor(person, null);
  return { text: nbsp(`${names.noun} ${person}`), bold: true, color: readableOnWhite(c), highlight: tint(c, 0.14) };
}

function joinPieces(groups: Piece[][], sep = ', '): Piece[] {
  return groups.flatMap((g, i) => (i === 0 ? g : [{ text: sep }, ...g]));
}

const f3 = (x: number | null) => (x === null ? '–' : formatFixed3(x));

export interface EvalTextInput {
  gt: EvalGtSample;
  modelName: string;
  result: ModelSampleResult;
  response: ParsedResponse;
  cot: ParsedCot;
  persons: PersonJudgement[];
  targets: number[];
  boxes: { predicted: PredictedBoxJudgement[]; gt: GtBoxJudgement[] };
  /** What the candidates are called in the labels and the text (`Helmet 2`); default `Person`. */
  candidateNoun?: string;
  /** Lines shown under the score, as they are (a reasoning check: `unfaithful: reasoning chose Person 2, answer chose Person 5`). */
  headerLines?: readonly string[];
}

export function evalParagraphs(input: EvalTextInput, size: number): Paragraph[] {
  const { gt, result, persons, targets, boxes } = input;
  const names: Names = { persons, noun: input.candidateNoun ?? 'Person' };
  const s = size;
  const p = (pieces: Piece[], extra: Partial<Paragraph> = {}): Paragraph => ({ pieces, size: s, lineHeight: Math.round(s * 1.4), color: INK, ...extra });
  const band = (text: string, gap = s): Paragraph =>
    p([{ text }], { size: Math.round(s * 0.8), lineHeight: Math.round(s * 1.3), color: BAND_INK, bold: true, band: BAND, spaceBefore: gap, keepWithNext: true });
  const title = Math.round(s * 1.3);
  const out: Paragraph[] = [p([{ text: gt.referring ? `“${gt.referring}”` : '(no expression)' }], { size: title, lineHeight: Math.round(title * 1.3), bold: true })];
  const truth: Piece[] = targets.length
    ? [{ text: 'ground truth: ' }, ...joinPieces(targets.map((t) => [mention(t, names)]))]
    : [{ text: gt.answers.length ? 'ground truth: boxes on no candidate' : 'ground truth: no target (rejection)', bold: true }];
  out.push(p([{ text: `id ${String(gt.id)} · ${gt.domain} / ${gt.subDomain} · ${gt.candidates.length} candidates · ` }, ...truth], { color: MUTED }));

  out.push(band(`MODEL ${input.modelName.toUpperCase()}`));
  out.push(p(scoreLine(result, boxes)));
  for (const line of boxLines(boxes, names)) out.push(p(line, { hangChars: 2 }));
  out.push(p(verdictLine(names)));
  if (persons.some((j) => j.datasetVerdict !== undefined)) out.push(p(datasetLine(names)));
  for (const line of input.headerLines ?? []) out.push(p([{ text: `⚠️ ${line}`, bold: true, color: BAD }]));

  out.push(band("MODEL'S REASONING"));
  if (input.response.think.trim()) {
    out.push(...buildReasoning(input.response.think, agreementCot(input.cot, persons), { size: s, header: false }));
  } else out.push(p([{ text: result.hasPrediction ? '(no reasoning in the response)' : '(no prediction line)' }], { color: MUTED }));

  out.push(band('ANSWER'));
  out.push(...answerParagraphs(input.response.answer, s));
  return out;
}

function scoreLine(r: ModelSampleResult, boxes: EvalTextInput['boxes']): Piece[] {
  const head: Piece[] = r.hasPrediction ? [] : [{ text: 'no prediction line: scored as no box. ', bold: true, color: BAD }];
  if (r.rejected !== null) {
    const n = boxes.predicted.length;
    return [
      ...head,
      r.rejected
        ? { text: '✓ correctly rejected', bold: true, color: OK }
        : { text: `✗ answered with ${n} box${n === 1 ? '' : 'es'} on a rejection sample`, bold: true, color: BAD },
    ];
  }
  const hits = boxes.gt.filter((g) => g.outcome === 'hit').length;
  const alarms = boxes.predicted.filter((b) => b.outcome === 'false-alarm').length;
  const verdict: Piece = r.wrong ? { text: '✗ ', bold: true, color: BAD } : { text: '✓ ', bold: true, color: OK };
  return [
    ...head,
    verdict,
    { text: `IoU 0.5: ${hits} of ${boxes.gt.length} target boxes hit, ${alarms} false alarm${alarms === 1 ? '' : 's'} · ` },
    { text: `recall ${f3(r.recall_50)} · precision ${f3(r.precision_50)} · DensityF1 ${f3(r.density_f1_50)}`, bold: true },
    { text: ` · DensityF1@0.5:0.95 ${f3(r.density_f1_mean)}` },
  ];
}

function boxLines(boxes: EvalTextInput['boxes'], names: Names): Piece[][] {
  const swatch = (color: string): Piece => ({ text: '■ ', color });
  const who = (person: number | null): Piece[] => (person === null ? [{ text: 'no candidate' }] : [mention(person, names)]);
  const lines: Piece[][] = [];
  for (const g of boxes.gt) {
    const hit = boxes.predicted.find((b) => b.gt === g.index);
    lines.push(
      hit
        ? [swatch(OUTCOME_COLORS.hit), { text: `target ${g.index + 1} (` }, ...who(g.person), { text: `): hit by box #${hit.index + 1}, IoU ${f3(hit.iou)}` }]
        : [swatch(OUTCOME_COLORS.missed), { text: `target ${g.index + 1} (` }, ...who(g.person), { text: '): ' }, { text: 'missed', bold: true }],
    );
  }
  for (const b of boxes.predicted.filter((x) => x.outcome === 'false-alarm')) {
    const best = b.iou > 0 ? `, best IoU with a target ${f3(b.iou)}` : '';
    lines.push([swatch(OUTCOME_COLORS['false-alarm']), { text: `box #${b.index + 1} (` }, ...who(b.person), { text: '): ' }, { text: 'false alarm', bold: true }, { text: best }]);
  }
  return lines;
}

function verdictLine(names: Names): Piece[] {
  const { persons } = names;
  const agree = persons.filter((j) => j.agreement === 'agree').length;
  const disagree = persons.filter((j) => j.agreement === 'disagree');
  const unknown = persons.filter((j) => j.agreement === 'unknown');
  const out: Piece[] = [{ text: 'final verdicts vs ground truth: ' }, { text: `${agree} agree`, bold: true, color: verdictColor('✅') }];
  if (disagree.length) {
    out.push({ text: ' · ' }, { text: 'disagree: ', bold: true, color: verdictColor('❌') });
    out.push(...joinPieces(disagree.map((j) => [mention(j.person, names), { text: ` (${j.verdict}, ${j.target ? 'a target' : 'not a target'})` }])));
  }
  if (unknown.length) {
    out.push({ text: ' · no final mark: ' }, ...joinPieces(unknown.map((j) => [mention(j.person, names)])));
  }
  return out;
}

function datasetLine(names: Names): Piece[] {
  const differ = names.persons.filter((j) => j.datasetVerdict !== j.verdict);
  if (differ.length === 0) return [{ text: 'dataset reasoning: ', bold: true }, { text: 'the same final mark for every person', color: OK }];
  const mark = (m: Mark | null | undefined) => m ?? 'no mark';
  return [
    { text: 'dataset reasoning differs on: ', bold: true },
    ...joinPieces(differ.map((j) => [mention(j.person, names), { text: ` (model ${mark(j.verdict)}, dataset ${mark(j.datasetVerdict)})` }])),
  ];
}

/** The footer: what looked wrong in the response, where the sample comes from, and the legend. */
export function evalFooter(input: EvalTextInput, notes: readonly string[], source: string, size: number): Paragraph[] {
  const p = (pieces: Piece[], extra: Partial<Paragraph> = {}): Paragraph => ({ pieces, size, lineHeight: Math.round(size * 1.45), color: INK, hangChars: 0, ...extra });
  const out: Paragraph[] = [];
  notes.forEach((w, i) => out.push(p([{ text: i === 0 ? `⚠️ ${notes.length === 1 ? 'note' : `${notes.length} notes`}: ` : '      ', bold: true }, { text: w }])));
  if (notes.length === 0) out.push(p([{ text: 'no parser warnings' }], { color: MUTED }));
  out.push(p([{ text: source }], { color: MUTED }));
  const legend: Piece[] = [];
  // Each entry stays on one line: the legend wraps between entries only.
  const swatch = (color: string, label: string) => legend.push({ text: '■\u00A0', color }, { text: `${nbsp(label)}   ` });
  swatch(verdictColor('✅'), 'verdict agrees with the truth');
  swatch(verdictColor('❌'), 'disagrees');
  swatch(verdictColor(null), 'no final mark');
  legend.push({ text: '▣\u00A0', color: INK }, { text: `${nbsp('double outline: ground-truth target')}   ` });
  swatch(OUTCOME_COLORS.hit, 'dashed: model box #n, hit (IoU with its target)');
  swatch(OUTCOME_COLORS['false-alarm'], 'false alarm');
  swatch(OUTCOME_COLORS.missed, 'missed target');
  out.push(p(legend, { color: MUTED }));
  return out;
}
