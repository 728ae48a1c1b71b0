// The footer: consistency of region_map vs the ✅ marks, the parser's warnings, where the sample comes from, a legend.
import type { ParsedCot, RowAnswer, Sample } from '../types.js';
import { ANSWER_COLOR, INK, MUTED, verdictColor } from './colors.js';
import { mentionStyle } from './mention-pieces.js';
import type { Paragraph, Piece } from './wrap.js';

const OK = '#0f7a32';
const BAD = '#b2121a';

function numbers(persons: number[], cot: ParsedCot): Piece[] {
  const out: Piece[] = [];
  persons.forEach((n, i) => {
    if (i > 0) out.push({ text: ', ' });
    out.push({ text: String(n), ...mentionStyle(n, cot) });
  });
  return out;
}

function who(label: string, persons: number[], cot: ParsedCot): Piece[] {
  return persons.length ? [{ text: `${label} ${cot.noun}\u00A0` }, ...numbers(persons, cot)] : [{ text: `${label} nobody` }];
}

/** A custom GRPO row has no reasoning to check: the line says so and what the row answers instead. */
function answerPieces(answer: RowAnswer, noun: string): Piece[] {
  const head: Piece = { text: 'no reasoning to check: ', bold: true };
  if (answer.hint === null) return [head, { text: 'ans is none of the hint boxes exactly, drawn dashed as ans (see the warning)' }];
  return [head, { text: 'ans is the box of ' }, { text: `${noun}\u00A0${answer.hint}`, bold: true, color: ANSWER_COLOR }];
}

export function consistencyPieces(cot: ParsedCot): Piece[] {
  if (cot.answer) return answerPieces(cot.answer, cot.noun);
  const rejection = cot.targets.length === 0;
  const ok = cot.consistency.consistent;
  const head: Piece = ok
    ? { text: '✓ consistent: ', bold: true, color: OK }
    : { text: '✗ inconsistent: ', bold: true, color: BAD };
  const region: Piece[] = rejection
    ? [{ text: 'no target (rejection)', bold: true }]
    : who('region_map targets', cot.targets, cot);
  const text = who('text marks ✅', cot.cotTargets, cot);
  const out = [head, ...region, { text: ok ? ' = ' : '; ' }, ...text];
  if (!ok) {
    const parts: string[] = [];
    if (cot.consistency.onlyInRegionMap.length) parts.push(`only in region_map: ${cot.consistency.onlyInRegionMap.join(', ')}`);
    if (cot.consistency.onlyInCot.length) parts.push(`only in text: ${cot.consistency.onlyInCot.join(', ')}`);
    if (parts.length) out.push({ text: ` (${parts.join('; ')})`, color: MUTED });
  }
  return out;
}

/** Long opaque keys keep their start and end. */
export function truncateKey(key: string, max = 48): string {
  const chars = Array.from(key);
  if (chars.length <= max) return key;
  const half = Math.floor((max - 1) / 2);
  return `${chars.slice(0, half).join('')}…${chars.slice(chars.length - half).join('')}`;
}

export interface FooterInfo {
  sourceWidth: number;
  sourceHeight: number;
  scale: number;
  missingGlyphs: boolean;
  /** All warnings of the sample when the caller knows more than the parser (boxes past the border ...). */
  warnings?: readonly string[];
}

export function buildFooter(sample: Sample, cot: ParsedCot, info: FooterInfo, size: number): Paragraph[] {
  const p = (pieces: Piece[], extra: Partial<Paragraph> = {}): Paragraph => ({
    pieces,
    size,
    lineHeight: Math.round(size * 1.45),
    color: INK,
    hangChars: 0,
    ...extra,
  });
  const out: Paragraph[] = [p(consistencyPieces(cot))];
  const warnings = info.warnings ?? cot.warnings;
  if (warnings.length) {
    warnings.forEach((w, i) =>
      out.push(p([{ text: i === 0 ? `⚠️ ${warnings.length === 1 ? 'warning' : `${warnings.length} warnings`}: ` : '      ', bold: true }, { text: w }], { hangChars: 0 })),
    );
  } else out.push(p([{ text: info.warnings ? 'no warnings' : 'no parser warnings' }], { color: MUTED }));
  const shown = info.scale === 1 ? '' : ` (shown at ${Math.round(info.scale * 100)}%)`;
  out.push(
    p(
      [
        { text: 'split ' },
        { text: sample.split, bold: true },
        { text: ' · sample ' },
        { text: String(sample.index), bold: true },
        // A custom GRPO row has no images TSV: its offset is the row's, its key the image file's name.
        { text: cot.answer ? ` · byte offset ${sample.annOffset} · image ` : ` · image offset ${sample.imgOffset} · key ` },
        { text: truncateKey(sample.imageKey), bold: true },
        { text: ` · ${sample.annotation.gtBoxes.length} candidates · ${info.sourceWidth}×${info.sourceHeight} px${shown}` },
      ],
      { color: MUTED },
    ),
  );
  const legend: Piece[] = [];
  const swatch = (color: string, label: string) => legend.push({ text: '■ ', color }, { text: `${label}   ` });
  if (cot.answer) {
    swatch(ANSWER_COLOR, 'ans (the row\'s answer)');
    swatch(verdictColor(null), 'other hints');
    legend.push({ text: 'dashed: ans when no hint equals it' });
    out.push(p(legend, { color: MUTED }));
    return out;
  }
  swatch(verdictColor('✅'), '✅ target');
  swatch(verdictColor('❌'), '❌ not a target');
  swatch(verdictColor('⚠️'), '⚠️ sub-condition / reference');
  swatch(verdictColor(null), 'no final mark');
  legend.push({ text: '▣ ', color: INK }, { text: 'double outline: region_map target' });
  if (info.missingGlyphs) legend.push({ text: '   · characters without a bundled font are shown as code points' });
  out.push(p(legend, { color: MUTED }));
  return out;
}
