// Reads a JSONL file line by line (a stream, never the whole file at once); a bad line becomes a message, never a stop.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DataError, oneLine, readFailure } from '../errors.js';

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
 * Yields every non-blank line parsed as a JSON object. A missing or unreadable file throws a DataError (the
 * caller decides whether that is fatal); a line that is not a JSON object is yielded as a problem.
 */
export async function* readJsonl(file: string, what: string): AsyncGenerator<JsonlEntry> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (error) {
    const { code, reason } = readFailure(error);
    throw new DataError(code, { file }, `cannot read the ${what} (${reason})`, 'Check the path');
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  // A reader that stops early (the first row, or the last line it needs) leaves no file open.
  try {
    for await (const raw of lines) {
      number++;
      const text = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
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
    stream.destroy();
  }
}
