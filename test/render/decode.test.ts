// The image panel's scale. Pure layout, no fonts needed.
import { describe, expect, it } from 'vitest';
import { panelScale } from '../../src/render/decode.js';

describe('panelScale', () => {
  it('scales down above maxSide, up when tiny, never past maxSide', () => {
    expect(panelScale(1024, 768, 2048)).toBe(1);
    expect(panelScale(4096, 1000, 2048)).toBe(0.5);
    expect(panelScale(200, 100, 2048)).toBe(4);
    expect(panelScale(3000, 100, 2048)).toBeCloseTo(2048 / 3000);
  });
});
