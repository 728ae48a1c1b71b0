// Visualize's composition, laid out without a canvas: which layers a sample's picture has and what they hold.
import { describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/index.js';
import { candidateColor } from '../../src/render/colors.js';
import { findOverlay, layoutPicture } from '../../src/render/layout.js';
import { sampleComposition, samplePhoto } from '../../src/render/sample-picture.js';
import { makeSample, mono, TYPICAL_THINK } from './_helpers.js';

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

  it('names the annotation line when refusing and the image line when the photo is bad', () => {
    const c = sampleComposition(sample, cot);
    expect(c.refuse.where).toEqual({ file: 'm.annotations.tsv', index: 7, offset: 1234 });
    expect(c.textChars).toBe(TYPICAL_THINK.length + cot.expressions.join('').length);
    expect(samplePhoto(sample).where).toEqual({ file: 'm.images.tsv', index: 7, offset: 987654 });
    expect(samplePhoto({ ...sample, files: undefined }).where.file).toBe('main images TSV');
  });
});
