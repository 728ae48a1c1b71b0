// Parses an image line `<key>\t<base64>`: strips a Python `b'...'` wrapper, decodes base64 strictly, sniffs the format.
import { DataError, type DataLocation } from '../errors.js';
import type { ImageFormat, ImageHeader } from '../types.js';
import { hexStart, readImageHeader, sniffImageFormat } from './image-header.js';

export interface ImageLine {
  key: string;
  image: Buffer;
  format: ImageFormat;
}

// 1 marks a byte of the standard base64 alphabet (A-Z a-z 0-9 + /).
const ALPHABET = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') ALPHABET[c.charCodeAt(0)] = 1;
const EQUALS = 0x3d;

/** Splits the image line, decodes its base64 column and checks it is an image we know. */
export function parseImageLine(line: Buffer, where: DataLocation): ImageLine {
  const tab = line.indexOf(0x09);
  if (tab === -1) {
    throw new DataError('column-count', where, 'the image line has no tab (expected `<key>\\t<base64>`)', 'Check that this is an images TSV and that the annotation offsets belong to it');
  }
  // base64 never holds a tab, so a second one means a third column, not a stray character.
  const extraTab = line.indexOf(0x09, tab + 1);
  if (extraTab !== -1) {
    throw new DataError('column-count', where, `the image line has more than 2 tab-separated columns (another tab at byte ${extraTab})`, 'Check that this is an images TSV of the HumanRef-CoT format');
  }
  const key = line.toString('utf8', 0, tab);
  const { start, end } = unwrapBytesLiteral(line, tab + 1);
  const image = decodeBase64Strict(line, start, end, where);
  const format = sniffImageFormat(image);
  if (format === null) {
    throw new DataError('not-an-image', where, `the decoded data (${image.length} bytes) is no JPEG, PNG, WebP or GIF (starts with ${hexStart(image)})`, 'Skip this sample; the image column is corrupt');
  }
  return { key, image, format };
}

/** The base64 span inside `b'...'` or `b"..."` (a Python bytes repr), else the whole column. */
export function unwrapBytesLiteral(line: Buffer, start: number): { start: number; end: number } {
  const end = line.length;
  const quote = line[start + 1];
  if (end - start >= 3 && line[start] === 0x62 && (quote === 0x27 || quote === 0x22) && line[end - 1] === quote) {
    return { start: start + 2, end: end - 1 };
  }
  return { start, end };
}

/**
 * Decodes standard padded base64 in line[start, end), rejecting anything Buffer.from would skip silently:
 * stray characters, whitespace, misplaced '=' and a length that is not a multiple of 4.
 */
export function decodeBase64Strict(line: Buffer, start: number, end: number, where: DataLocation): Buffer {
  const length = end - start;
  const bad = (problem: string) => new DataError('bad-base64', where, problem, 'Skip this sample; the image column is corrupt or truncated');
  if (length === 0) throw bad('the base64 column is empty');
  let padding = 0;
  if (line[end - 1] === EQUALS) padding = line[end - 2] === EQUALS ? 2 : 1;
  const dataEnd = end - padding;
  for (let i = start; i < dataEnd; i++) {
    if (ALPHABET[line[i]] !== 1) {
      const shown = line[i] >= 0x20 && line[i] < 0x7f ? `'${String.fromCharCode(line[i])}'` : `byte 0x${line[i].toString(16).padStart(2, '0')}`;
      throw bad(`invalid base64 character ${shown} at position ${i - start} of the base64 column (byte ${i} of the line)`);
    }
  }
  if (length % 4 !== 0) throw bad(`the base64 column has ${length} characters, not a multiple of 4 (truncated?)`);
  return Buffer.from(line.toString('latin1', start, end), 'base64');
}

/**
 * Refuses an image whose header claims more than `maxPixels` before anything decodes it: a decompression bomb
 * or a corrupt header. A header we cannot read is left to the decoder, which reports what it finds.
 */
export function checkImageSize(image: Buffer, where: DataLocation, maxPixels: number): void {
  let header: ImageHeader;
  try {
    header = readImageHeader(image);
  } catch {
    return;
  }
  const pixels = header.width * header.height;
  if (pixels > maxPixels) {
    throw new DataError(
      'image-too-large',
      where,
      `the ${header.format} header claims ${header.width}×${header.height} pixels (${(pixels / 1e6).toFixed(1)} megapixels, the limit is ${maxPixels / 1e6}), so it was not decoded`,
      'A HumanRef photo has about 1 megapixel: the image is corrupt or a decompression bomb; skip this sample',
    );
  }
}
