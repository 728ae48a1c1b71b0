// The cmap reader: what DejaVu Sans (latin subset file) really covers.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { covers, fontCoverage } from '../../src/render/coverage.js';

const dejavu = createRequire(import.meta.url).resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff2');

describe('fontCoverage', () => {
  it('reads the code points of the bundled DejaVu Sans', () => {
    const cov = fontCoverage(dejavu);
    for (const ch of 'Aa0 →≤≥’“”…ÄßéЖжαβ✓✗■▣') expect(covers(cov, ch.codePointAt(0)!), ch).toBe(true);
    for (const ch of '中文牵手한글あ✅❌') expect(covers(cov, ch.codePointAt(0)!), ch).toBe(false);
  });
});
