// Registers the bundled fonts once (by package resolution, never cwd) and proves colour emoji really draw in colour.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { InternalError } from '../errors.js';
import { cmapCoverage, covers } from './coverage.js';
import { sfntTable, woffToSfnt } from './sfnt.js';
import { setTextCoverage, splitRuns } from './text-runs.js';

/** Our own family names, so a system "DejaVu Sans" or emoji font can never stand in. */
export const SANS = 'HRV Sans';
export const EMOJI = 'HRV Emoji';
/** Code (a model's JSON answer); characters it lacks fall back to the text font. */
export const MONO = 'HRV Mono';

// WOFF (zlib) rather than WOFF2 (brotli and glyf transforms, decoded again by Skia on every start): unpacked
// in memory, registering and the first draw take milliseconds instead of ~0.5 s each. The emoji font's SVG
// table (20 of its 25 MB unpacked) is dropped: Skia draws the COLR glyphs.
const FONT_FILES = [
  { spec: '@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff', family: SANS, drop: [] },
  { spec: '@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff', family: SANS, drop: [] },
  // The full COLR font: the numbered subset files hold SVG glyphs only and draw nothing.
  { spec: '@fontsource/noto-color-emoji/files/noto-color-emoji-emoji-400-normal.woff', family: EMOJI, drop: ['SVG '] },
  { spec: '@fontsource/dejavu-mono/files/dejavu-mono-latin-400-normal.woff', family: MONO, drop: [] },
  { spec: '@fontsource/dejavu-mono/files/dejavu-mono-latin-700-normal.woff', family: MONO, drop: [] },
] as const;

export function fontFile(spec: string): string {
  try {
    return createRequire(import.meta.url).resolve(spec);
  } catch {
    throw new InternalError(`font file ${spec} not found. Run \`npm ci\` to install the font packages`);
  }
}

export function emojiFontFile(): string {
  return fontFile(FONT_FILES[2].spec);
}

export function registerFonts(): void {
  const fonts = FONT_FILES.map(({ spec, family, drop }) => {
    const path = fontFile(spec);
    let bytes: Buffer;
    try {
      bytes = woffToSfnt(readFileSync(path), new Set<string>(drop));
    } catch (e) {
      throw new InternalError(`cannot read font ${path} (${(e as Error).message}). Reinstall it with \`npm ci\``);
    }
    if (!GlobalFonts.register(bytes, family)) {
      throw new InternalError(`cannot load font ${path}. Reinstall it with \`npm ci\``);
    }
    return { path, bytes };
  });
  // Characters the text font lacks become code boxes instead of falling back to whatever the system has.
  const sans = fonts[0];
  let coverage;
  try {
    const cmap = sfntTable(sans.bytes, 'cmap');
    if (!cmap) throw new Error('no cmap table');
    coverage = cmapCoverage(cmap);
  } catch (e) {
    throw new InternalError(`cannot read the character map of ${sans.path} (${(e as Error).message}). Reinstall it with \`npm ci\``);
  }
  setTextCoverage((cp) => covers(coverage, cp));
}

export function fontString(kind: 'text' | 'emoji' | 'missing', bold: boolean, size: number, mono = false): string {
  if (kind === 'emoji') return `${size}px "${EMOJI}"`;
  return `${bold ? 'bold ' : ''}${size}px ${mono ? `"${MONO}", ` : ''}"${SANS}"`;
}

const CHECKS = [
  { text: '✅', ok: (r: number, g: number, b: number) => g > r && g > b },
  { text: '❌', ok: (r: number, g: number, b: number) => r > g && r > b },
  { text: '⚠️', ok: (r: number, g: number, b: number) => r > b && g > b },
  { text: '⚠', ok: (r: number, g: number, b: number) => r > b && g > b },
];

/**
 * Draws ✅ ❌ ⚠️ and bare ⚠ the way the renderer does (emoji runs in the emoji font) and checks each
 * cell holds enough saturated pixels of the expected hue; a tofu box or a monochrome glyph fails.
 */
export function checkColourEmoji(): void {
  const cell = 64;
  const canvas = createCanvas(cell * CHECKS.length, cell);
  const ctx = canvas.getContext('2d');
  ctx.lang = 'en';
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, cell);
  ctx.fillStyle = '#000000';
  ctx.textBaseline = 'middle';
  CHECKS.forEach((c, i) => {
    const runs = splitRuns(c.text);
    if (runs.length !== 1 || runs[0].kind !== 'emoji') throw new InternalError(`${c.text} is not split as an emoji run`);
    ctx.font = fontString('emoji', false, 44);
    ctx.fillText(runs[0].text, i * cell + 6, cell / 2);
  });
  const px = ctx.getImageData(0, 0, canvas.width, cell).data;
  const failed: string[] = [];
  CHECKS.forEach((c, i) => {
    let n = 0;
    let sr = 0;
    let sg = 0;
    let sb = 0;
    for (let y = 0; y < cell; y++) {
      for (let x = i * cell; x < (i + 1) * cell; x++) {
        const o = (y * canvas.width + x) * 4;
        const r = px[o];
        const g = px[o + 1];
        const b = px[o + 2];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 80) {
          n++;
          sr += r;
          sg += g;
          sb += b;
        }
      }
    }
    if (n < 150 || !c.ok(sr / n, sg / n, sb / n)) failed.push(c.text);
  });
  if (failed.length) {
    throw new InternalError(
      `colour emoji self-check failed for ${failed.join(' ')}: ${emojiFontFile()} did not draw them in colour. ` +
        'Reinstall @fontsource/noto-color-emoji (`npm ci`) and check that @napi-rs/canvas supports COLR fonts',
    );
  }
}
