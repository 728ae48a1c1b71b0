// The boxes of a custom GRPO row: its answer in its own colour, dashed and labelled `ans` when it equals no hint.
import { describe, expect, it } from 'vitest';
import { parseAnnotationCot } from '../../src/cot/parse.js';
import { boxGeometry } from '../../src/render/boxes.js';
import { ANSWER_COLOR, candidateColor, parseHex } from '../../src/render/colors.js';
import { getDetailedRenderer } from '../../src/render/render.js';
import { CUSTOM_GRPO_SOURCE, type Annotation } from '../../src/types.js';
import { pixels } from './_scene.js';
import { makeSample, solidPng } from './_helpers.js';

const HINTS: Annotation['gtBoxes'] = [[10, 10, 40, 60], [100, 20, 50, 100]];
const row = (ans: number[], targets: number[]): Annotation => ({ gtBoxes: HINTS, regionMap: { 'the man': targets }, think: '', extra: { source: CUSTOM_GRPO_SOURCE, ans } });

describe('boxes of a custom GRPO row', () => {
  it('colours the hint equal to ans as the answer, and adds no box', () => {
    const boxes = boxGeometry(HINTS, 1, 1, 200, 150, parseAnnotationCot(row([100, 20, 150, 120], [1])));
    expect(boxes.map((b) => [b.person, b.color, b.target, b.label])).toEqual([
      [1, candidateColor(1, null), false, undefined],
      [2, ANSWER_COLOR, true, undefined],
    ]);
  });

  it('draws an ans that equals no hint as one more box, on top, labelled ans, at its place scaled to the panel', () => {
    const boxes = boxGeometry(HINTS, 0.5, 0.5, 100, 75, parseAnnotationCot(row([98, 18, 152, 118], [])));
    expect(boxes).toHaveLength(3);
    expect(boxes[2]).toMatchObject({ person: 0, label: 'ans', color: ANSWER_COLOR, target: false, rect: { x: 49, y: 9, w: 27, h: 50 } });
    expect(boxes.slice(0, 2).every((b) => b.color !== ANSWER_COLOR && b.label === undefined)).toBe(true);
  });

  it('leaves a HumanRef-CoT sample as it was: no answer colour, no extra box', () => {
    const annotation = { ...row([98, 18, 152, 118], [1]), extra: {} };
    const boxes = boxGeometry(HINTS, 1, 1, 200, 150, parseAnnotationCot(annotation));
    expect(boxes.map((b) => b.color)).toEqual([candidateColor(1, null), candidateColor(2, null)]);
  });

  it('in the picture: the ans edge is blue and dashed (blue with gaps), with an ans label', async () => {
    const renderer = await getDetailedRenderer();
    const annotation = row([60, 40, 180, 140], []);
    const sample = { ...makeSample(await solidPng(240, 180, [90, 120, 150]), annotation.gtBoxes, '', annotation.regionMap), annotation };
    const { image, layout } = await renderer.renderDetailed(sample, parseAnnotationCot(annotation));
    const ans = layout.boxes.find((b) => b.label === 'ans')!;
    expect(layout.labels.find((l) => l.box === ans)!.text).toBe('ans');
    const px = await pixels(image.data);
    const [r, g, b] = parseHex(ANSWER_COLOR);
    const x = ans.rect.x + layout.lineWidth / 2;
    const blue: boolean[] = [];
    // Along the left edge, clear of the label at the top.
    for (let y = ans.rect.y + 30; y < ans.rect.y + ans.rect.h - 5; y++) {
      const [pr, pg, pb] = px.at(x, y);
      blue.push(Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b) < 40);
    }
    const share = blue.filter(Boolean).length / blue.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.8);
  });
});
