// What validate lists as findings, from an annotation and its parsed reasoning; the image size only for the border.
import { describe, expect, it } from 'vitest';
import { annotationFindings, imageFindings, type FindingCode } from '../../src/checks/findings.js';
import { parseAnnotationCot } from '../../src/cot/parse.js';
import type { Annotation } from '../../src/types.js';
import { fakeCot } from '../fakes.js';

const think = (lines: string[]) =>
  ['OK, the user needs us to detect the woman in red. To accomplish this task, I need to break it down into the following steps:', '- Step 1: Find the woman in red.', '', '# Step 1: Find the woman in red.', ...lines, '', '# Summarize and Re-Check answer', "Let's now recheck our answer and put ✅ for the target person and ❌ for others", ...lines].join('\n');

function annotation(boxes: Annotation['gtBoxes'], regionMap: Annotation['regionMap'], lines: string[]): Annotation {
  return { gtBoxes: boxes, regionMap, think: think(lines), extra: {} };
}

const codes = (a: Annotation, options?: { includeConsistency?: boolean }) => annotationFindings(a, parseAnnotationCot(a), options).map((f) => f.code);

describe('annotationFindings', () => {
  it('finds nothing in a consistent sample with real boxes', () => {
    const a = annotation([[0, 0, 10, 20], [20, 0, 10, 20]], { 'the woman in red': [1] }, ['- Person 1: blue → ❌', '- Person 2: red → ✅']);
    expect(codes(a)).toEqual([]);
  });

  it('names a zero-size box, a target index without a box and a person the text names past the boxes', () => {
    const a = annotation([[0, 0, 0, 20], [20, 0, 10, 20]], { 'the woman in red': [1, 5] }, ['- Person 1: blue → ❌', '- Person 2: red → ✅', '- Person 7: red → ❌']);
    const findings = annotationFindings(a, parseAnnotationCot(a)).map((f) => f.message);
    expect(findings).toContain('Person 1: zero-size box (w=0, h=20)');
    expect(findings).toContain('region_map target 5 of "the woman in red" has no box (2 boxes)');
    // The parser keeps no mention past the boxes; it says so, and the finding carries its note.
    expect(findings).toContain('reasoning: step 1: Person 7 is out of range (2 candidates)');
  });

  it('names persons past the boxes when a reasoning handed in still mentions them', () => {
    const a = annotation([[0, 0, 10, 20]], {}, ['- Person 1: blue → ❌']);
    const cot = parseAnnotationCot(a);
    const mentions = [...cot.mentions, { start: 0, end: 8, person: 9, noun: 'Person' }, { start: 9, end: 17, person: 4, noun: 'Person' }];
    const finding = annotationFindings(a, { ...cot, mentions }).find((f) => f.code === 'unknown-person');
    expect(finding?.message).toBe('the reasoning names Person 4, Person 9 but there is 1 box');
  });

  it('reports a text/label disagreement naming both sides, unless consistency is left to the picture', () => {
    const a = annotation([[0, 0, 10, 20], [20, 0, 10, 20]], { 'the woman in red': [0] }, ['- Person 1: blue → ❌', '- Person 2: red → ✅']);
    const message = annotationFindings(a, parseAnnotationCot(a)).find((f) => f.code === 'text-label-disagreement')?.message;
    expect(message).toBe('text/label disagreement: region_map targets not marked ✅: Person 1; marked ✅ but not in region_map: Person 2');
    expect(codes(a, { includeConsistency: false })).not.toContain<FindingCode>('text-label-disagreement');
  });

  it('says an empty gt_boxes plainly and escapes an expression to one short line', () => {
    const long = `a\nb ${'x'.repeat(80)}`;
    const a = annotation([], { [long]: [0] }, []);
    const findings = annotationFindings(a, parseAnnotationCot(a));
    expect(findings[0]).toEqual({ code: 'no-boxes', message: 'no boxes: gt_boxes is empty' });
    const target = findings.find((f) => f.code === 'target-without-box')!.message;
    expect(target).not.toContain('\n');
    expect(target).toMatch(/^region_map target 0 of "a\\nb x+\.\.\." has no box \(0 boxes\)$/);
  });
});

describe('imageFindings', () => {
  it('allows the rounding overshoot of real data and names a box well past the border in xyxy', () => {
    // 1024 px: the tolerance is max(2, 1 %) = 10.24 px, so y + h = 1030 passes and 1040 does not.
    const a = annotation([[0, 200, 100, 830], [0, 200, 100, 840]], {}, []);
    expect(imageFindings(a, 1024, 1024)).toEqual([{ code: 'box-past-border', message: 'Person 2: box [0, 200, 100, 1040] lies past the 1024×1024 image border' }]);
  });
  it('checks every side', () => {
    const a = annotation([[-20, 0, 10, 10], [0, -20, 10, 10], [95, 0, 10, 10], [0, 0, 10, 10]], {}, []);
    expect(imageFindings(a, 100, 100).map((f) => f.message.split(':')[0])).toEqual(['Person 1', 'Person 2', 'Person 3']);
  });
});

describe('findings on hand-made annotations', () => {
  const cot = (think = 'ok', n = 2) => fakeCot(think, n, { x: [0] });
  it('flags boxes past the border beyond the tolerance only', () => {
    const ann = { gtBoxes: [[0, 0, 100, 80.5], [0, 0, 103, 80], [-5, 0, 10, 10]] as [number, number, number, number][], regionMap: {}, think: '', extra: {} };
    const found = imageFindings(ann, 100, 80).map((f) => f.message);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^Person 2: box/);
    expect(found[1]).toMatch(/^Person 3: box/);
  });
  it('flags zero-size boxes, no boxes, unknown persons, disagreement', () => {
    const ann = { gtBoxes: [[0, 0, 0, 5], [1, 1, 2, 2]] as [number, number, number, number][], regionMap: { x: [0, 4] }, think: '', extra: {} };
    const codes = annotationFindings(ann, cot('Person 7 and Person 2', 2)).map((f) => f.code);
    expect(codes).toEqual(['zero-size-box', 'target-without-box', 'unknown-person']);
    expect(annotationFindings({ ...ann, gtBoxes: [] }, cot('ok', 0)).map((f) => f.code)).toContain('no-boxes');
    expect(annotationFindings({ ...ann, regionMap: { x: [0] } }, cot('inconsistent')).map((f) => f.code)).toContain('text-label-disagreement');
    expect(annotationFindings({ ...ann, regionMap: { x: [0] } }, cot('inconsistent'), { includeConsistency: false }).map((f) => f.code)).not.toContain('text-label-disagreement');
  });
  it('names candidates by the noun the picture uses (a custom row of cars), Person when none is given', () => {
    const ann = { gtBoxes: [[0, 0, 0, 5], [0, 0, 103, 80]] as [number, number, number, number][], regionMap: { x: [0] }, think: '', extra: {} };
    const cars = { ...cot('Person 7', 2), noun: 'Car' };
    expect(annotationFindings(ann, cars).map((f) => f.message)).toEqual(['Car 1: zero-size box (w=0, h=5)', 'the reasoning names Car 7 but there are 2 boxes']);
    expect(imageFindings(ann, 100, 80, 'Car').map((f) => f.message)).toEqual(['Car 2: box [0, 0, 103, 80] lies past the 100×80 image border']);
    expect(imageFindings(ann, 100, 80)[0].message).toMatch(/^Person 2: box/);
    const disagreement = annotationFindings({ ...ann, gtBoxes: [[1, 1, 2, 2], [1, 1, 2, 2]] }, { ...cot('inconsistent'), noun: 'Car' });
    expect(disagreement.map((f) => f.message)).toEqual(['text/label disagreement: region_map targets not marked ✅: Car 1; marked ✅ but not in region_map: Car 2']);
  });
});
