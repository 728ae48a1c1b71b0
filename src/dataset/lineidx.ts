// The `.lineidx` side file: one decimal byte offset per TSV line. Parse it, check it, or build it by scanning.
import type { FileHandle } from 'node:fs/promises';
import { DataError } from '../errors.js';

const SCAN_CHUNK = 16 * 1024 * 1024;
const REBUILD_HINT = 'Rebuild it with `humanref-vis index <annotations.tsv>`';

/** Offsets of a lineidx; an unusable entry is NaN, and its problem waits in `bad` for the one sample it concerns. */
export interface ParsedLineidx {
  offsets: Float64Array;
  bad: Map<number, DataError>;
}

/**
 * Parses lineidx text into offsets, each checked against the size of the TSV it indexes. A bad entry (not a
 * number, not ascending, past the end) fails only its own sample: its neighbours' lines are still read.
 */
export function parseLineidx(bytes: Buffer, file: string, tsvSize: number): ParsedLineidx {
  const text = bytes.toString('latin1');
  const lines = text.split('\n');
  // A final newline leaves one empty string behind; it is not a line.
  if (lines[lines.length - 1] === '') lines.pop();
  const offsets = new Float64Array(lines.length);
  const bad = new Map<number, DataError>();
  let previous = -1;
  // Each problem points at its entry: the byte offset of that line in the .lineidx file itself.
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    const where = { file, index: i, offset: at };
    at += lines[i].length + 1;
    const field = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    offsets[i] = NaN;
    if (!/^\d+$/.test(field) || !Number.isSafeInteger(Number(field))) {
      bad.set(i, new DataError('bad-lineidx', where, `line ${i + 1} is ${JSON.stringify(field.slice(0, 40))}, not a byte offset`, REBUILD_HINT));
      continue;
    }
    const offset = Number(field);
    if (offset <= previous) {
      bad.set(i, new DataError('bad-lineidx', where, `offsets must ascend, but line ${i + 1} (${offset}) follows ${previous}`, REBUILD_HINT));
      continue;
    }
    if (offset >= tsvSize) {
      bad.set(i, new DataError('bad-lineidx', where, `line ${i + 1} (${offset}) points past the end of its TSV (${tsvSize} bytes)`, REBUILD_HINT));
      continue;
    }
    offsets[i] = offset;
    previous = offset;
  }
  return { offsets, bad };
}

/** Byte offsets of every line start in a file, found by scanning big chunks for '\n'. */
export async function scanLineStarts(handle: FileHandle, size: number): Promise<Float64Array> {
  const starts: number[] = size > 0 ? [0] : [];
  const buffer = Buffer.allocUnsafe(Math.min(SCAN_CHUNK, Math.max(size, 1)));
  let position = 0;
  while (position < size) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - position), position);
    if (bytesRead === 0) break;
    let at = buffer.indexOf(0x0a, 0);
    while (at !== -1 && at < bytesRead) {
      const next = position + at + 1;
      // A newline at the very end closes the last line; it does not open another.
      if (next < size) starts.push(next);
      at = buffer.indexOf(0x0a, at + 1);
    }
    position += bytesRead;
  }
  return Float64Array.from(starts);
}

/** The text of a lineidx file for these offsets. */
export function formatLineidx(offsets: ArrayLike<number>): string {
  let text = '';
  for (let i = 0; i < offsets.length; i++) text += `${offsets[i]}\n`;
  return text;
}
