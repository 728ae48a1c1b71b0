// Verdict colours shared by boxes, labels, mentions and the legend: one hue per verdict, three shades so neighbours differ.
import type { Mark } from '../types.js';

const SHADES: Record<'✅' | '❌' | '⚠️' | 'none', readonly string[]> = {
  '✅': ['#1a9641', '#0f7a32', '#27ae50'],
  '❌': ['#d7191c', '#b2121a', '#e8413c'],
  '⚠️': ['#f0a500', '#d98e00', '#f7b924'],
  none: ['#7f8c8d', '#5f6b6d', '#95a3a4'],
};

/** Stable colour of Person N's box: the verdict picks the hue, the person number one of three shades. */
export function candidateColor(personNumber: number, verdict: Mark | null): string {
  const shades = SHADES[verdict ?? 'none'];
  const i = Number.isFinite(personNumber) ? Math.abs(Math.trunc(personNumber) - 1) % shades.length : 0;
  return shades[i];
}

/** A custom GRPO row's answer box (no verdict hue: the row has no reasoning to mark it). */
export const ANSWER_COLOR = '#1f6fd1';

/** The base shade of a verdict, for the legend. */
export function verdictColor(verdict: Mark | null): string {
  return SHADES[verdict ?? 'none'][0];
}

export function parseHex(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) throw new Error(`not a #rrggbb colour: ${color}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(color: string): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = parseHex(color);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Black or white, whichever contrasts more with the background. */
export function contrastText(background: string): '#000000' | '#ffffff' {
  const l = luminance(background);
  return (1.05) / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

export const INK = '#1f2328';
export const MUTED = '#59636e';
export const PANEL_BG = '#ffffff';
export const FOOTER_BG = '#f3f4f6';
export const RULE = '#d0d7de';
/** Behind transparent pixels of the source image. */
export const ALPHA_BG = { r: 200, g: 200, b: 200 };

/** `color` mixed with white: `amount` 0 is white, 1 the colour. */
export function tint(color: string, amount: number): string {
  return mix(color, [255, 255, 255], amount);
}

/** Text in a candidate's colour, darkened when too light to read on white (amber, light grey). */
export function readableOnWhite(color: string): string {
  let c = color;
  for (let i = 0; i < 6 && (1.05 / (luminance(c) + 0.05)) < 3.5; i++) c = mix(c, [0, 0, 0], 0.88);
  return c;
}

function mix(color: string, other: [number, number, number], amount: number): string {
  const rgb = parseHex(color);
  const v = rgb.map((c, i) => Math.round(c * amount + other[i] * (1 - amount)));
  return `#${v.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}
