// Problems a sample still renders with (validate calls them findings; visualize reports them as warnings).
import { borderTolerance } from '../render/index.js';
import { oneLine } from '../errors.js';
import type { Annotation, ParsedCot } from '../types.js';
import { DEFAULT_NOUN, candidateNames } from '../cot/nouns.js';
import { answerHintFindings, hasNoReasoning } from '../sources/toy-checks.js';

export type FindingCode = 'no-boxes' | 'zero-size-box' | 'target-without-box' | 'unknown-person' | 'text-label-disagreement' | 'reasoning' | 'box-past-border' | 'answer-not-a-hint';

export interface Finding {
  code: FindingCode;
  message: string;
}

export { borderTolerance };

/** Findings that need only the annotation and its parsed chain of thought. */
export function annotationFindings(annotation: Annotation, cot: ParsedCot, options: { includeConsistency?: boolean } = {}): Finding[] {
  const findings: Finding[] = [];
  const boxes = annotation.gtBoxes;
  const noun = cot.noun;
  if (boxes.length === 0) findings.push({ code: 'no-boxes', message: 'no boxes: gt_boxes is empty' });
  boxes.forEach(([, , w, h], i) => {
    if (!(w > 0) || !(h > 0)) findings.push({ code: 'zero-size-box', message: `${noun} ${i + 1}: zero-size box (w=${w}, h=${h})` });
  });
  for (const [expression, targets] of Object.entries(annotation.regionMap)) {
    for (const t of targets) {
      if (!Number.isInteger(t) || t < 0 || t >= boxes.length) {
        findings.push({ code: 'target-without-box', message: `region_map target ${t} of "${short(expression)}" has no box (${boxes.length} boxes)` });
      }
    }
  }
  const missing = [...new Set(cot.mentions.filter((m) => m.person < 1 || m.person > boxes.length).map((m) => m.person))].sort((a, b) => a - b);
  if (missing.length > 0) {
    const have = boxes.length === 1 ? 'is 1 box' : `are ${boxes.length} boxes`;
    findings.push({ code: 'unknown-person', message: `the reasoning names ${candidateNames(noun, missing)} but there ${have}` });
  }
  if (options.includeConsistency !== false && !cot.consistency.consistent && !hasNoReasoning(annotation)) {
    const { onlyInRegionMap, onlyInCot } = cot.consistency;
    const parts: string[] = [];
    if (onlyInRegionMap.length) parts.push(`region_map targets not marked ✅: ${candidateNames(noun, onlyInRegionMap)}`);
    if (onlyInCot.length) parts.push(`marked ✅ but not in region_map: ${candidateNames(noun, onlyInCot)}`);
    findings.push({ code: 'text-label-disagreement', message: `text/label disagreement: ${parts.join('; ') || 'targets differ'}` });
  }
  if (!hasNoReasoning(annotation)) for (const warning of cot.warnings) findings.push({ code: 'reasoning', message: `reasoning: ${warning}` });
  return findings;
}

/** Findings that need the image size (from its header; the pixels are never decoded). `noun` names candidates as the picture does. */
export function imageFindings(annotation: Annotation, width: number, height: number, noun = DEFAULT_NOUN): Finding[] {
  const findings: Finding[] = [];
  const tx = borderTolerance(width);
  const ty = borderTolerance(height);
  annotation.gtBoxes.forEach(([x, y, w, h], i) => {
    if (x < -tx || y < -ty || x + w > width + tx || y + h > height + ty) {
      findings.push({
        code: 'box-past-border',
        message: `${noun} ${i + 1}: box [${fmt(x)}, ${fmt(y)}, ${fmt(x + w)}, ${fmt(y + h)}] lies past the ${width}×${height} image border`,
      });
    }
  });
  findings.push(...answerHintFindings(annotation, width, height));
  return findings;
}

function fmt(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** Expressions are data: escaped to one line, then shortened. */
function short(text: string): string {
  const line = oneLine(text);
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
