// Browsers rotate photos by their EXIF orientation, but the dataset's boxes refer to the stored pixel grid:
// the viewer's copy of a photo gets orientation 1 (two bytes changed, pixels untouched, no re-encode).
import { crc32 } from 'node:zlib';

/** Byte offset of the TIFF header inside the EXIF block of a JPEG, PNG (eXIf) or WebP (EXIF chunk), or -1. */
function tiffStart(bytes: Buffer, format: string): number {
  if (format === 'jpeg') {
    let p = 2;
    while (p + 4 <= bytes.length && bytes[p] === 0xff) {
      const marker = bytes[p + 1];
      if (marker === 0xda || marker === 0xd9) return -1; // image data starts: no EXIF before it
      const length = bytes.readUInt16BE(p + 2);
      if (marker === 0xe1 && bytes.toString('latin1', p + 4, p + 10) === 'Exif\0\0') return p + 10;
      p += 2 + length;
    }
    return -1;
  }
  if (format === 'png') {
    let p = 8;
    while (p + 8 <= bytes.length) {
      const length = bytes.readUInt32BE(p);
      const type = bytes.toString('latin1', p + 4, p + 8);
      if (type === 'eXIf') return p + 8; // its CRC is fixed by withoutRotation
      if (type === 'IDAT' || type === 'IEND') return -1;
      p += 12 + length;
    }
    return -1;
  }
  if (format === 'webp' && bytes.toString('latin1', 0, 4) === 'RIFF') {
    let p = 12;
    while (p + 8 <= bytes.length) {
      const type = bytes.toString('latin1', p, p + 4);
      const length = bytes.readUInt32LE(p + 4);
      if (type === 'EXIF') return bytes.toString('latin1', p + 8, p + 14) === 'Exif\0\0' ? p + 14 : p + 8;
      p += 8 + length + (length & 1);
    }
  }
  return -1;
}

/** Offset of the 2-byte orientation value in IFD0 and the value, or null when there is none. */
function findOrientation(bytes: Buffer, tiff: number): { at: number; value: number; little: boolean } | null {
  if (tiff < 0 || tiff + 8 > bytes.length) return null;
  const order = bytes.toString('latin1', tiff, tiff + 2);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  const u16 = (at: number) => (little ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (little ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > bytes.length) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > bytes.length) return null;
    // Tag 0x0112 (Orientation), type SHORT, one value, stored in the first two bytes of the value field.
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) return { at: entry + 8, value: u16(entry + 8), little };
  }
  return null;
}

/** The EXIF orientation (1-8) of an image, or null when it has none. */
export function exifOrientation(bytes: Buffer, format: string): number | null {
  return findOrientation(bytes, tiffStart(bytes, format))?.value ?? null;
}

/** The same bytes, or a copy whose orientation tag says 1 (as stored) when it said anything else. */
export function withoutRotation(bytes: Buffer, format: string): Buffer {
  const found = findOrientation(bytes, tiffStart(bytes, format));
  if (!found || found.value === 1) return bytes;
  const copy = Buffer.from(bytes);
  if (found.little) copy.writeUInt16LE(1, found.at);
  else copy.writeUInt16BE(1, found.at);
  if (format === 'png') {
    // A PNG chunk ends with a CRC over its type and data: a stale one makes the browser drop the chunk or the image.
    const chunk = tiffStart(bytes, format) - 8;
    const length = copy.readUInt32BE(chunk);
    copy.writeUInt32BE(crc32(copy.subarray(chunk + 4, chunk + 8 + length)), chunk + 8 + length);
  }
  return copy;
}
