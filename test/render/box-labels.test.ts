// The label layer laid out without a canvas: one label per candidate, named with the composition's noun.
import { describe, expect, it } from 'vitest';
import { layoutLabels } from '../../src/render/box-labels.js';
import { boxGeometry } from '../../src/render/boxes.js';
import { mono } from './_helpers.js';

const frame = { width: 400, height: 300, sourceWidth: 400, sourceHeight: 300 };
const boxes = boxGeometry(
  [
    { person: 1, box: [20, 60, 120, 250], verdict: '✅', target: true, color: '#1a9641' },
    { person: 2, box: [200, 60, 300, 250], verdict: null, target: false, color: '#5f6b6d' },
  ],
  frame,
);

describe('candidate labels', () => {
  it('say `Person N` by default, above the box, wide enough for the text and the mark', () => {
    const labels = layoutLabels(boxes, 400, 300, 14, 3, mono);
    expect(labels.map((l) => [l.text, l.mark])).toEqual([['Person 1', '✅'], ['Person 2', null]]);
    const pad = Math.round(14 * 0.35);
    expect(labels[1].rect).toEqual({ x: 200, y: 60 - Math.round(14 * 1.35), w: 2 * pad + 80, h: Math.round(14 * 1.35) });
    expect(labels[0].rect.w).toBe(2 * pad + 80 + Math.round(14 * 0.5) + 20);
  });

  it('name the candidates with another noun when the composition has one (`Helmet 2`)', () => {
    const labels = layoutLabels(boxes, 400, 300, 14, 3, mono, 'Helmet');
    expect(labels.map((l) => l.text)).toEqual(['Helmet 1', 'Helmet 2']);
    expect(labels[1].rect.w).toBe(2 * Math.round(14 * 0.35) + 80);
  });
});
