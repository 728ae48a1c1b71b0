// Visualize's composition, laid out without a canvas: which layers a sample's picture has and what they hold.
import { describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import { parseAnnotationCot } from '../../src/cot/parse.js';
import { ANSWER_COLOR, candidateColor, parseHex } from '../../src/render/colors.js';
import { getDetailedRenderer } from '../../src/render/render.js';
import { CUSTOM_GRPO_SOURCE, type Annotation } from '../../src/types.js';
import { pixels } from './_scene.js';
import { findOverlay, layoutPicture } from '../../src/render/layout.js';
import { sampleComposition, samplePhoto } from '../../src/render/sample-picture.js';
import { makeSample, mono, solidPng, TYPICAL_THINK } from './_helpers.js';

const rm = { 'the two people holding hands': [1, 3] };
const sample = makeSample(Buffer.alloc(0), [[10, 20, 100, 200], [300, 20, -100, 200], [0, 0, 0, 0], [Number.NaN, 5, 50, 50]], TYPICAL_THINK, rm, {
  files: { imagesTsv: 'm.images.tsv', annotationsTsv: 'm.annotations.tsv' },
});
const cot = parseChainOfThought(TYPICAL_THINK, 4, rm);
const image = { width: 400, height: 300, sourceWidth: 800, sourceHeight: 600, scale: 0.5 };

describe('sample picture', () => {
  it('stacks candidate outlines, then their labels, over the photo', () => {
    const layout = layoutPicture(sampleComposition(sample, cot), image, mono);
    expect(layout.overlays.map((o) => o.kind)).toEqual(['candidates', 'labels']);
    const boxes = findOverlay(layout, 'candidates')!.boxes;
    // xywh source boxes, a negative width and a non-finite number included, at the panel's scale.
    expect(boxes.map((b) => b.rect)).toEqual([
      { x: 5, y: 10, w: 50, h: 100 },
      { x: 100, y: 10, w: 50, h: 100 },
      { x: 0, y: 0, w: 0, h: 0 },
      { x: 0, y: 3, w: 25, h: 25 },
    ]);
    expect(boxes.map((b) => [b.verdict, b.target, b.color])).toEqual(cot.verdicts.map((v, i) => [v, cot.targets.includes(i + 1), candidateColor(i + 1, v)]));
    expect(findOverlay(layout, 'labels')!.labels.map((l) => l.text)).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4']);
  });

  it('has the reasoning beside the image and the consistency footer below', () => {
    const layout = layoutPicture(sampleComposition(sample, cot), image, mono);
    const text = (lines: { line: { runs: { text: string }[] } }[]) => lines.map((l) => l.line.runs.map((r) => r.text).join('')).join('\n');
    expect(text(layout.flow.lines)).toContain('“the two people holding hands”');
    expect(text(layout.footer.lines)).toMatch(/consistent/);
    expect(text(layout.footer.lines)).toContain('4 candidates · 800×600 px');
  });

  it('names the candidates with the noun the reasoning uses (labels, region_map targets, footer), as eval does', () => {
    const think = TYPICAL_THINK.replaceAll('Person ', 'Helmet ');
    const helmets = parseChainOfThought(think, 4, rm);
    expect(helmets.noun).toBe('Helmet');
    const layout = layoutPicture(sampleComposition({ ...sample, annotation: { ...sample.annotation, think } }, helmets), image, mono);
    expect(findOverlay(layout, 'labels')!.labels.map((l) => l.text)).toEqual(['Helmet 1', 'Helmet 2', 'Helmet 3', 'Helmet 4']);
    const text = (lines: { line: { runs: { text: string }[] } }[]) => lines.map((l) => l.line.runs.map((r) => r.text).join('')).join('\n');
    expect(text(layout.flow.lines)).toContain('region_map targets: Helmet\u00A02, 4');
    expect(text(layout.footer.lines)).toMatch(/region_map targets Helmet\u00A02, 4/);
    expect(text(layout.footer.lines)).not.toMatch(/Person/);
  });

  it('names the annotation line when refusing and the image line when the photo is bad', () => {
    const c = sampleComposition(sample, cot);
    expect(c.refuse.where).toEqual({ file: 'm.annotations.tsv', index: 7, offset: 1234 });
    expect(c.textChars).toBe(TYPICAL_THINK.length + cot.expressions.join('').length);
    expect(samplePhoto(sample).where).toEqual({ file: 'm.images.tsv', index: 7, offset: 987654 });
    expect(samplePhoto({ ...sample, files: undefined }).where.file).toBe('main images TSV');
  });
});

describe('sample picture of a custom GRPO row', () => {
  const hints: Annotation['gtBoxes'] = [[10, 10, 40, 60], [100, 20, 50, 100]];
  const row = (ans: number[], targets: number[], extra: Record<string, unknown> = { source: CUSTOM_GRPO_SOURCE, ans }): Annotation => ({ gtBoxes: hints, regionMap: { 'the man': targets }, think: '', extra });
  const layoutOf = (annotation: Annotation) => {
    const s = { ...makeSample(Buffer.alloc(0), annotation.gtBoxes, '', annotation.regionMap), annotation };
    return layoutPicture(sampleComposition(s, parseAnnotationCot(annotation)), { width: 100, height: 75, sourceWidth: 200, sourceHeight: 150, scale: 0.5 }, mono);
  };

  it('colours the hint equal to ans as the answer and adds no layer', () => {
    const layout = layoutOf(row([100, 20, 150, 120], [1]));
    expect(layout.overlays.map((o) => o.kind)).toEqual(['candidates', 'labels']);
    expect(findOverlay(layout, 'candidates')!.boxes.map((b) => [b.person, b.color, b.target])).toEqual([
      [1, candidateColor(1, null), false],
      [2, ANSWER_COLOR, true],
    ]);
  });

  it('draws an ans that equals no hint dashed on top, tagged ans, at its place scaled to the panel', () => {
    const layout = layoutOf(row([98, 18, 152, 118], []));
    expect(layout.overlays.map((o) => o.kind)).toEqual(['candidates', 'labels', 'model-boxes', 'model-tags']);
    expect(findOverlay(layout, 'model-boxes')!.outlines).toEqual([{ rect: { x: 49, y: 9, w: 27, h: 50 }, color: ANSWER_COLOR }]);
    expect(findOverlay(layout, 'model-tags')!.tags.map((t) => [t.text, t.color])).toEqual([['ans', ANSWER_COLOR]]);
    expect(findOverlay(layout, 'candidates')!.boxes.every((b) => b.color !== ANSWER_COLOR)).toBe(true);
  });

  it('leaves a HumanRef-CoT sample with the same boxes as it was: no answer colour, no extra layer', () => {
    const layout = layoutOf(row([98, 18, 152, 118], [1], {}));
    expect(layout.overlays.map((o) => o.kind)).toEqual(['candidates', 'labels']);
    expect(findOverlay(layout, 'candidates')!.boxes.map((b) => b.color)).toEqual([candidateColor(1, null), candidateColor(2, null)]);
  });

  it('in the picture: the ans edge is blue and dashed (blue with gaps)', async () => {
    const renderer = await getDetailedRenderer();
    const annotation = row([60, 40, 180, 140], []);
    const s = { ...makeSample(await solidPng(240, 180, [90, 120, 150]), annotation.gtBoxes, '', annotation.regionMap), annotation };
    const { image: png, layout } = await renderer.renderDetailed(s, parseAnnotationCot(annotation));
    const { rect } = findOverlay(layout, 'model-boxes')!.outlines[0];
    const px = await pixels(png.data);
    const [r, g, b] = parseHex(ANSWER_COLOR);
    const blue: boolean[] = [];
    // Along the left edge, clear of the tag at the bottom.
    for (let y = rect.y + 3; y < rect.y + rect.h - 30; y++) {
      const [pr, pg, pb] = px.at(rect.x + 1, y);
      blue.push(Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b) < 40);
    }
    const share = blue.filter(Boolean).length / blue.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.85);
  });
});
