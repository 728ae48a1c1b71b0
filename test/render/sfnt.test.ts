// WOFF -> SFNT: the table directory of the unpacked bundled fonts, the dropped table, and what it refuses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cmapCoverage, covers, fontCoverage } from '../../src/render/coverage.js';
import { sfntTable, woffToSfnt } from '../../src/render/sfnt.js';

const resolve = (spec: string) => createRequire(import.meta.url).resolve(spec);
const dejavu = resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff');
const emoji = resolve('@fontsource/noto-color-emoji/files/noto-color-emoji-emoji-400-normal.woff');

function directory(sfnt: Buffer) {
  return Array.from({ length: sfnt.readUInt16BE(4) }, (_, i) => ({
    tag: sfnt.toString('latin1', 12 + i * 16, 16 + i * 16),
    offset: sfnt.readUInt32BE(20 + i * 16),
    length: sfnt.readUInt32BE(24 + i * 16),
  }));
}

describe('woffToSfnt', () => {
  it('unpacks every table of DejaVu Sans, sorted, 4-byte aligned, inside the file', () => {
    const woff = readFileSync(dejavu);
    const sfnt = woffToSfnt(woff);
    const tables = directory(sfnt);
    expect(tables.length).toBe(woff.readUInt16BE(12));
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(tables.map((t) => t.tag)).toEqual([...tables.map((t) => t.tag)].sort());
    for (const t of tables) {
      expect(t.offset % 4).toBe(0);
      expect(t.offset + t.length).toBeLessThanOrEqual(sfnt.length);
    }
    expect(tables.map((t) => t.tag)).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'loca']));
    // The binary-search header fields for n tables.
    const n = tables.length;
    const range = 2 ** Math.floor(Math.log2(n)) * 16;
    expect([sfnt.readUInt16BE(6), sfnt.readUInt16BE(8), sfnt.readUInt16BE(10)]).toEqual([range, Math.log2(range / 16), n * 16 - range]);
  });

  it('gives the same character coverage as the WOFF2 file', () => {
    const fromWoff = cmapCoverage(sfntTable(woffToSfnt(readFileSync(dejavu)), 'cmap')!);
    expect(Array.from(fromWoff)).toEqual(Array.from(fontCoverage(resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff2'))));
    expect(covers(fromWoff, '→'.codePointAt(0)!)).toBe(true);
  });

  it("drops the emoji font's SVG table and keeps the COLR glyphs", () => {
    const tags = directory(woffToSfnt(readFileSync(emoji), new Set(['SVG ']))).map((t) => t.tag);
    expect(tags).not.toContain('SVG ');
    expect(tags).toEqual(expect.arrayContaining(['COLR', 'CPAL', 'glyf', 'cmap']));
  });

  it('refuses what is not a WOFF file, and a table that unpacks to the wrong size', () => {
    expect(() => woffToSfnt(readFileSync(resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff2')))).toThrow(/not a WOFF file/);
    expect(() => woffToSfnt(Buffer.alloc(10))).toThrow(/not a WOFF file/);
    const woff = Buffer.from(readFileSync(dejavu));
    // Claim one more byte for the first table than it unpacks to.
    woff.writeUInt32BE(woff.readUInt32BE(44 + 12) + 1, 44 + 12);
    expect(() => woffToSfnt(woff)).toThrow(/unpacks to/);
  });

  it('finds no table that is not there', () => {
    expect(sfntTable(woffToSfnt(readFileSync(dejavu)), 'COLR')).toBeNull();
  });
});
