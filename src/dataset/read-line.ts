// Reads one TSV line at a byte offset with positional reads: never the whole file, never a stream.
import type { FileHandle } from 'node:fs/promises';
import { DataError } from '../errors.js';
import { ioError } from './lfs.js';

/** Longest TSV line read by default: a guard against allocating a corrupt file's worth. */
export const DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024;
const FIRST_CHUNK = 64 * 1024;
const MAX_CHUNK = 8 * 1024 * 1024;
/** Lines up to this size are kept while the newline is searched; longer ones are measured first, then read once. */
const KEEP_BYTES = 16 * 1024 * 1024;

/** An open TSV and what a message about it needs. */
export interface LineSource {
  handle: FileHandle;
  file: string;
  size: number;
  /** The sample the read is for, named in errors. */
  index: number;
}

/** Drops a trailing '\r' (CRLF files) from a line already cut at '\n'. */
export function trimCarriageReturn(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line;
}

async function readAt(src: LineSource, buffer: Buffer, length: number, position: number): Promise<number> {
  try {
    let done = 0;
    // A positional read may return fewer bytes than asked; loop until filled or EOF.
    while (done < length) {
      const { bytesRead } = await src.handle.read(buffer, done, length - done, position + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done;
  } catch (error) {
    throw ioError(src.file, error, { index: src.index, offset: position });
  }
}

function checkOffset(src: LineSource, offset: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= src.size) {
    throw new DataError(
      'offset-past-eof',
      { file: src.file, index: src.index, offset },
      `the offset lies past the end of the file (${src.size} bytes)`,
      'The annotations and images files do not belong together, or one is truncated; download them again',
    );
  }
}

function notLineStart(src: LineSource, offset: number): DataError {
  return new DataError(
    'offset-not-line-start',
    { file: src.file, index: src.index, offset },
    'the offset does not point at the start of a line (the byte before it is not a newline)',
    'The offsets do not match this file: use the files of one split together, or rebuild the .lineidx with `humanref-vis index`',
  );
}

function tooLong(src: LineSource, offset: number, maxLineBytes: number): DataError {
  return new DataError(
    'line-too-long',
    { file: src.file, index: src.index, offset },
    `the line is longer than ${maxLineBytes} bytes`,
    'The file is probably corrupt or the offset points into the wrong file; skip this sample or download the file again',
  );
}

/**
 * Reads the line starting at `offset` up to (not including) '\n' or EOF, with '\r' trimmed.
 * Reads in chunks from 64 KiB, doubling, so a 258 KB image line takes a few reads. Past KEEP_BYTES the chunks
 * are no longer kept, only searched for the newline: a corrupt 256 MB "line" costs one scratch buffer, not 256 MB.
 */
export async function readLineAt(src: LineSource, offset: number, maxLineBytes: number): Promise<Buffer> {
  checkOffset(src, offset);
  // Start one byte early to see that the offset follows a newline.
  const from = offset === 0 ? 0 : offset - 1;
  const chunks: Buffer[] = [];
  let kept = true;
  let scratch: Buffer | undefined;
  let total = 0;
  let position = from;
  let lineEnd: number;
  let chunkSize = FIRST_CHUNK;
  for (;;) {
    // Never look further than maxLineBytes plus the newline and the byte before.
    const limit = maxLineBytes + 1 + (offset - from) - total;
    const want = Math.min(chunkSize, src.size - position, limit);
    if (want <= 0) {
      if (position >= src.size) {
        lineEnd = position;
        break;
      }
      throw tooLong(src, offset, maxLineBytes);
    }
    if (kept && total + want > KEEP_BYTES) {
      kept = false;
      chunks.length = 0;
    }
    const chunk = kept ? Buffer.allocUnsafe(want) : (scratch ??= Buffer.allocUnsafe(MAX_CHUNK)).subarray(0, want);
    const got = await readAt(src, chunk, want, position);
    const filled = chunk.subarray(0, got);
    const first = position === from;
    if (first && offset > 0 && filled[0] !== 0x0a) throw notLineStart(src, offset);
    const newline = filled.indexOf(0x0a, first ? offset - from : 0);
    if (newline !== -1) {
      if (kept) chunks.push(filled.subarray(0, newline));
      lineEnd = position + newline;
      break;
    }
    if (kept) chunks.push(filled);
    total += got;
    position += got;
    if (got < want) {
      lineEnd = position;
      break;
    }
    chunkSize = Math.min(chunkSize * 2, MAX_CHUNK);
  }
  const length = lineEnd - offset;
  if (length > maxLineBytes) throw tooLong(src, offset, maxLineBytes);
  if (kept) return trimCarriageReturn(Buffer.concat(chunks).subarray(offset - from));
  // A long line that is within the limit after all: read it again, in one piece.
  const line = Buffer.allocUnsafe(length);
  const got = await readAt(src, line, length, offset);
  return trimCarriageReturn(line.subarray(0, got));
}

/**
 * Reads [offset, end) when the end is known (annotation lines, from the next lineidx offset), in one read.
 * The end is only trusted when a newline sits right before it: a newline earlier ends this line there (the next
 * entry is wrong, which fails that sample, not this one), and no newline means the end lies inside this line,
 * so the line is read on to its newline. Only this line's own offset can make this sample fail.
 */
export async function readKnownLine(src: LineSource, offset: number, end: number, maxLineBytes: number): Promise<Buffer> {
  checkOffset(src, offset);
  const length = Math.min(end, src.size) - offset;
  if (length <= 0 || length > maxLineBytes + 1) return readLineAt(src, offset, maxLineBytes);
  const from = offset === 0 ? 0 : offset - 1;
  const buffer = Buffer.allocUnsafe(length + (offset - from));
  const got = await readAt(src, buffer, buffer.length, from);
  const bytes = buffer.subarray(0, got);
  if (offset > 0 && bytes[0] !== 0x0a) throw notLineStart(src, offset);
  let line = bytes.subarray(offset - from);
  const newline = line.indexOf(0x0a);
  if (newline === -1 && offset + line.length < src.size) return readLineAt(src, offset, maxLineBytes);
  if (newline !== -1) line = line.subarray(0, newline);
  if (line.length > maxLineBytes) throw tooLong(src, offset, maxLineBytes);
  return trimCarriageReturn(line);
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * The line without the UTF-8 byte-order mark some editors write at the start of a file: it belongs to no
 * column, and only the line at offset 0 can carry it. Offsets stay the file's: the line still starts at 0.
 */
export function withoutBom(line: Buffer, offset: number): Buffer {
  return offset === 0 && line.subarray(0, BOM.length).equals(BOM) ? line.subarray(BOM.length) : line;
}
