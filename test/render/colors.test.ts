// Candidate colours and contrast. Pure layout, no fonts needed.
import { describe, expect, it } from 'vitest';
import { candidateColor, contrastText, luminance, readableOnWhite } from '../../src/render/colors.js';

describe('colours', () => {
  it('colours by verdict hue, stably per person', () => {
    const hue = (c: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
      return { r, g, b };
    };
    for (let n = 1; n <= 9; n++) {
      // Stable per person: the shade depends on the number alone, so neighbours differ and N and N+3 match.
      expect(candidateColor(n + 3, '✅')).toBe(candidateColor(n, '✅'));
      expect(candidateColor(n + 1, '✅')).not.toBe(candidateColor(n, '✅'));
      const ok = hue(candidateColor(n, '✅'));
      expect(ok.g).toBeGreaterThan(ok.r);
      const bad = hue(candidateColor(n, '❌'));
      expect(bad.r).toBeGreaterThan(bad.g + 100);
      const warn = hue(candidateColor(n, '⚠️'));
      expect(warn.r).toBeGreaterThan(200);
      expect(warn.b).toBeLessThan(60);
      const none = hue(candidateColor(n, null));
      expect(Math.max(none.r, none.g, none.b) - Math.min(none.r, none.g, none.b)).toBeLessThan(25);
    }
    expect(candidateColor(1, '✅')).not.toBe(candidateColor(2, '✅'));
  });
  it('picks contrasting label text and darkens light colours for text on white', () => {
    expect(contrastText('#d7191c')).toBe('#ffffff');
    expect(contrastText('#f0a500')).toBe('#000000');
    const amber = readableOnWhite('#f0a500');
    expect(1.05 / (luminance(amber) + 0.05)).toBeGreaterThanOrEqual(3.5);
  });
});
