// Unpacks a WOFF (1.0) font into the plain SFNT (TrueType/OpenType) bytes it wraps, with node:zlib only.
// Skia parses a plain font lazily: registering the WOFF2 files instead cost ~0.5 s of start-up and ~30 MB.
import { inflateSync } from 'node:zlib';

const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_ENTRY = 16;

/** Tables of `woff` (except those in `drop`) as an SFNT; checksums are kept as stored. Throws on a non-WOFF file. */
export function woffToSfnt(woff: Buffer, drop: ReadonlySet<string> = new Set()): Buffer {
  if (woff.length < WOFF_HEADER || woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const count = woff.readUInt16BE(12);
  const tables: { tag: string; offset: number; compLength: number; origLength: number; checksum: number }[] = [];
  for (let i = 0; i < count; i++) {
    const e = WOFF_HEADER + i * WOFF_ENTRY;
    const tag = woff.toString('latin1', e, e + 4);
    if (drop.has(tag)) continue;
    tables.push({ tag, offset: woff.readUInt32BE(e + 4), compLength: woff.readUInt32BE(e + 8), origLength: woff.readUInt32BE(e + 12), checksum: woff.readUInt32BE(e + 16) });
  }
  const n = tables.length;
  const headerLength = 12 + n * SFNT_ENTRY;
  const out = Buffer.alloc(tables.reduce((size, t) => size + ((t.origLength + 3) & ~3), headerLength));
  // The SFNT header: flavor, table count, and the binary-search fields derived from it.
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= n) {
    searchRange *= 2;
    entrySelector++;
  }
  out.writeUInt32BE(woff.readUInt32BE(4), 0);
  out.writeUInt16BE(n, 4);
  out.writeUInt16BE(searchRange * SFNT_ENTRY, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(n * SFNT_ENTRY - searchRange * SFNT_ENTRY, 10);
  let at = headerLength;
  tables.forEach((t, i) => {
    const stored = woff.subarray(t.offset, t.offset + t.compLength);
    // A table is stored uncompressed when compressing did not make it smaller.
    const data = t.compLength < t.origLength ? inflateSync(stored) : stored;
    if (data.length !== t.origLength) throw new Error(`table ${t.tag} unpacks to ${data.length} bytes, not ${t.origLength}`);
    data.copy(out, at);
    const e = 12 + i * SFNT_ENTRY;
    out.write(t.tag, e, 'latin1');
    out.writeUInt32BE(t.checksum, e + 4);
    out.writeUInt32BE(at, e + 8);
    out.writeUInt32BE(t.origLength, e + 12);
    at += (t.origLength + 3) & ~3;
  });
  return out;
}

/** The bytes of one table of an SFNT, or null when the font has none. */
export function sfntTable(sfnt: Buffer, tag: string): Buffer | null {
  const n = sfnt.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const e = 12 + i * SFNT_ENTRY;
    if (sfnt.toString('latin1', e, e + 4) === tag) {
      const offset = sfnt.readUInt32BE(e + 8);
      return sfnt.subarray(offset, offset + sfnt.readUInt32BE(e + 12));
    }
  }
  return null;
}
