// Reads a JSONL file line by line (chunks, never the whole file at once); a bad line becomes a message, never a stop.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { DataError, UsageError, oneLine, readFailure } from '../errors.js';
import { fileKind } from '../dataset/input-file.js';

/** One bad line: where it is and what to do, as one line of text. */
export interface LineProblem {
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

export function lineProblem(file: string, line: number, problem: string, hint: string): LineProblem {
  return { file, line, message: oneLine(`${file}, line ${line}: ${problem}. ${hint}`) };
}

/** A line's JSON object, or why it is not one. */
export type JsonlEntry = { line: number; value: Record<string, unknown> } | { line: number; problem: LineProblem };

/**
 * Longest JSONL line read, in bytes. A HumanRef line (boxes and a model's answer) is a few KB; a longer one is
 * corrupt, and past ~512 MB it could not even be held as a string.
 */
export const MAX_JSONL_LINE_BYTES = 64 * 1024 * 1024;
const CHUNK = 1024 * 1024;
// Non-blocking: opening a pipe for reading would otherwise wait for a writer forever.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

async function openJsonl(file: string, what: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error) {
    const { code, reason } = readFailure(error);
    throw new DataError(code, { file }, `cannot read the ${what} (${reason})`, 'Check the path');
  }
  const kind = fileKind(await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  }));
  if (kind !== null) {
    await handle.close();
    throw new UsageError(`${file}: the ${what} is ${kind}, not a regular file; give a file (pipes and devices are not read)`);
  }
  return handle;
}

/** A raw line: its bytes (null when longer than the limit), 1-based number and byte offset. */
interface RawLine {
  bytes: Buffer | null;
  number: number;
  offset: number;
}

/** Splits the file at '\n'; a line past `maxBytes` is skipped to its end and yielded without its bytes. */
async function* rawLines(handle: FileHandle, file: string, maxBytes: number): AsyncGenerator<RawLine> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  let parts: Buffer[] = [];
  let kept = 0;
  let tooLong = false;
  let number = 1;
  let start = 0;
  let position = 0;
  const take = (): RawLine => {
    const line = { bytes: tooLong ? null : Buffer.concat(parts, kept), number, offset: start };
    parts = [];
    kept = 0;
    tooLong = false;
    return line;
  };
  for (;;) {
    let got: number;
    try {
      ({ bytesRead: got } = await handle.read(buffer, 0, CHUNK, position));
    } catch (error) {
      throw new DataError('io', { file, offset: position }, `cannot read the file (${(error as Error).message})`, 'Check that the file is readable');
    }
    if (got === 0) break;
    let from = 0;
    while (from < got) {
      const newline = buffer.indexOf(0x0a, from);
      const end = newline === -1 || newline >= got ? got : newline;
      if (!tooLong) {
        if (kept + end - from > maxBytes) {
          tooLong = true;
          parts = [];
        } else {
          // Copied: the buffer is reused for the next chunk.
          parts.push(Buffer.from(buffer.subarray(from, end)));
          kept += end - from;
        }
      }
      if (end === got) break;
      yield take();
      number++;
      start = position + end + 1;
      from = end + 1;
    }
    position += got;
  }
  if (kept > 0 || tooLong) yield take();
}

/**
 * Yields every non-blank line parsed as a JSON object. A missing or unreadable file throws a DataError (the
 * caller decides whether that is fatal), a pipe or a device a UsageError; a line that is not a JSON object, or is
 * longer than `maxLineBytes`, is yielded as a problem.
 */
export async function* readJsonl(file: string, what: string, maxLineBytes = MAX_JSONL_LINE_BYTES): AsyncGenerator<JsonlEntry> {
  const handle = await openJsonl(file, what);
  try {
    for await (const { bytes, number, offset } of rawLines(handle, file, maxLineBytes)) {
      if (bytes === null) {
        yield { line: number, problem: lineProblem(file, number, `the line at byte offset ${offset} is longer than ${maxLineBytes} bytes, so it was not read`, `The file is probably corrupt (a missing line break?); fix or delete this line of the ${what}`) };
        continue;
      }
      let text = bytes.toString('utf8');
      if (number === 1) text = text.replace(/^\uFEFF/, '');
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        yield { line: number, problem: lineProblem(file, number, `not valid JSON (${(error as Error).message})`, `Fix or delete this line of the ${what}`) };
        continue;
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        yield { line: number, problem: lineProblem(file, number, 'the line is JSON but not an object', `Each line of the ${what} must be one {...} object`) };
        continue;
      }
      yield { line: number, value: value as Record<string, unknown> };
    }
  } finally {
    await handle.close();
  }
}
