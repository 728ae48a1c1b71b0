// Which code points a bundled WOFF2 font really has, read from its cmap: anything else is drawn as a code box, never left to system fonts.
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';

/** Sorted, non-overlapping [start, end] code point ranges, flattened. */
export type Coverage = Uint32Array;

function readBase128(buf: Buffer, at: { p: number }): number {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const b = buf[at.p++];
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) return value;
  }
  throw new Error('bad UIntBase128');
}

/** The uncompressed cmap table of a WOFF2 file (cmap is table tag index 0; tables are stored in directory order). */
export function woff2Cmap(file: Buffer): Buffer {
  if (file.toString('latin1', 0, 4) !== 'wOF2') throw new Error('not a WOFF2 file');
  const numTables = file.readUInt16BE(12);
  const compressedSize = file.readUInt32BE(20);
  const at = { p: 48 };
  let offset = 0;
  let cmap: { offset: number; length: number } | null = null;
  for (let i = 0; i < numTables; i++) {
    const flags = file[at.p++];
    const tagIndex = flags & 0x3f;
    if (tagIndex === 63) at.p += 4;
    const transform = flags >> 6;
    const origLength = readBase128(file, at);
    // glyf/loca (10, 11) are transformed at version 0; every other table at versions 1-3.
    const transformed = tagIndex === 10 || tagIndex === 11 ? transform === 0 : transform !== 0;
    const length = transformed ? readBase128(file, at) : origLength;
    if (tagIndex === 0) cmap = { offset, length };
    offset += length;
  }
  if (!cmap) throw new Error('no cmap table');
  const data = brotliDecompressSync(file.subarray(at.p, at.p + compressedSize));
  return data.subarray(cmap.offset, cmap.offset + cmap.length);
}

/** Code point ranges mapped to a real glyph by the best Unicode subtable (format 12, else format 4). */
export function cmapCoverage(cmap: Buffer): Coverage {
  const n = cmap.readUInt16BE(2);
  let f4 = -1;
  let f12 = -1;
  for (let i = 0; i < n; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const off = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(off);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) f12 = off;
    if (format === 4 && f4 < 0) f4 = off;
  }
  const ranges: number[] = [];
  const add = (a: number, b: number) => {
    const last = ranges.length - 1;
    if (last > 0 && ranges[last] + 1 >= a) ranges[last] = Math.max(ranges[last], b);
    else ranges.push(a, b);
  };
  if (f12 >= 0) {
    const groups = cmap.readUInt32BE(f12 + 12);
    for (let g = 0; g < groups; g++) add(cmap.readUInt32BE(f12 + 16 + g * 12), cmap.readUInt32BE(f12 + 20 + g * 12));
  } else if (f4 >= 0) {
    const segs = cmap.readUInt16BE(f4 + 6) / 2;
    const ends = f4 + 14;
    const starts = ends + segs * 2 + 2;
    const deltas = starts + segs * 2;
    const rangeOffsets = deltas + segs * 2;
    for (let s = 0; s < segs; s++) {
      const start = cmap.readUInt16BE(starts + s * 2);
      const end = cmap.readUInt16BE(ends + s * 2);
      const delta = cmap.readUInt16BE(deltas + s * 2);
      const ro = cmap.readUInt16BE(rangeOffsets + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        const glyph = ro === 0 ? (c + delta) & 0xffff : cmap.readUInt16BE(rangeOffsets + s * 2 + ro + (c - start) * 2);
        if (glyph !== 0) add(c, c);
      }
    }
  }
  return Uint32Array.from(ranges);
}

export function fontCoverage(path: string): Coverage {
  return cmapCoverage(woff2Cmap(readFileSync(path)));
}

export function covers(coverage: Coverage, cp: number): boolean {
  let lo = 0;
  let hi = coverage.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < coverage[mid * 2]) hi = mid - 1;
    else if (cp > coverage[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}
