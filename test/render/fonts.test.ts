// Font start-up: the colour self-check fails loudly, naming the font file, until our fonts are registered.
import { GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { InternalError } from '../../src/errors.js';
import { checkColourEmoji, EMOJI, emojiFontFile, registerFonts, SANS } from '../../src/render/fonts.js';

describe('fonts', () => {
  it('resolves font files through the packages, not the working directory', () => {
    expect(emojiFontFile()).toMatch(/node_modules\/@fontsource\/noto-color-emoji\/files\/noto-color-emoji-emoji-400-normal\.woff$/);
  });

  // This file runs in a process of its own (the "fresh" project of vitest.config.ts), so nothing is registered yet;
  // skipped if a shared process already did.
  it.skipIf(GlobalFonts.has(EMOJI))('fails the colour self-check with the font file named when the emoji font is missing, then passes', () => {
    let err: unknown;
    try {
      checkColourEmoji();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InternalError);
    expect((err as Error).message).toContain(emojiFontFile());
    expect((err as Error).message).toMatch(/✅ ❌ ⚠️ ⚠/);
    registerFonts();
    expect(GlobalFonts.has(SANS) && GlobalFonts.has(EMOJI)).toBe(true);
    expect(() => checkColourEmoji()).not.toThrow();
  });
});
