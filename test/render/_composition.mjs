// A composition module for worker.test.ts: says what it was given, or fails as asked.
import { DataError } from '../../src/errors.js';

export function compose(input, options) {
  if (input.fail) throw new DataError('image-too-large', { file: 'f.jsonl', index: 2 }, 'too big', 'Skip it');
  const text = JSON.stringify({ photoIsBuffer: Buffer.isBuffer(input.photo), photo: [...input.photo], options });
  // A view into a larger buffer when asked: then the bytes are copied, not moved.
  const data = input.slice ? Buffer.from(`xx${text}`).subarray(2) : Buffer.from(new TextEncoder().encode(text).buffer);
  return { data };
}
export const notAFunction = 1;
