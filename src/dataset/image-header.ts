// Image format and size from the first bytes of a file, without decoding any pixels.
import type { ImageFormat, ImageHeader } from '../types.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The format named by the file signature, or null when the bytes are no image we know. */
export function sniffImageFormat(bytes: Buffer): ImageFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return 'gif';
  return null;
}

/** Reads format, width and height from the header; throws a plain Error on unknown or garbled bytes. */
export function readImageHeader(bytes: Buffer): ImageHeader {
  const format = sniffImageFormat(bytes);
  if (format === null) throw new Error(`not a JPEG, PNG, WebP or GIF file (starts with ${hexStart(bytes)})`);
  const size = format === 'jpeg' ? jpegSize(bytes) : format === 'png' ? pngSize(bytes) : format === 'webp' ? webpSize(bytes) : gifSize(bytes);
  if (size.width <= 0 || size.height <= 0) throw new Error(`${format} header gives an empty size ${size.width}×${size.height}`);
  return { format, ...size };
}

type Size = { width: number; height: number };

function pngSize(bytes: Buffer): Size {
  need(bytes, 24, 'PNG');
  if (ascii(bytes, 12, 16) !== 'IHDR') throw new Error('PNG without an IHDR chunk first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function gifSize(bytes: Buffer): Size {
  need(bytes, 10, 'GIF');
  return { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
}

function webpSize(bytes: Buffer): Size {
  need(bytes, 30, 'WebP');
  const chunk = ascii(bytes, 12, 16);
  if (chunk === 'VP8 ') {
    // Lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) throw new Error('WebP VP8 frame without its start code');
    return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (bytes[20] !== 0x2f) throw new Error('WebP VP8L chunk without its signature byte');
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  throw new Error(`WebP with an unknown first chunk "${chunk}"`);
}

/** Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) look alike but do not. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(bytes: Buffer): Size {
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) throw new Error(`JPEG marker expected at byte ${pos}`);
    const marker = bytes[pos + 1];
    // 0xff fill bytes may pad before a marker.
    if (marker === 0xff) {
      pos += 1;
      continue;
    }
    // Markers without a length field: TEM, RST0-7, SOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      pos += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const length = bytes.readUInt16BE(pos + 2);
    if (isStartOfFrame(marker)) {
      need(bytes, pos + 9, 'JPEG');
      return { width: bytes.readUInt16BE(pos + 7), height: bytes.readUInt16BE(pos + 5) };
    }
    if (length < 2) throw new Error(`JPEG segment with length ${length} at byte ${pos}`);
    pos += 2 + length;
  }
  throw new Error('JPEG without a start-of-frame header (truncated or garbled)');
}

function need(bytes: Buffer, length: number, format: string): void {
  if (bytes.length < length) throw new Error(`${format} header truncated (${bytes.length} bytes)`);
}

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('latin1', start, end);
}

/** The first bytes in hex, for messages about unknown data. */
export function hexStart(bytes: Buffer, count = 8): string {
  if (bytes.length === 0) return 'nothing: 0 bytes';
  return [...bytes.subarray(0, count)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}
