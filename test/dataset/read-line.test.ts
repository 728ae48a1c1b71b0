import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirForEachTest } from '../cli.js';
import { readKnownLine, readLineAt, type LineSource } from '../../src/dataset/read-line.js';
import { failure } from './helpers.js';

const tmp = tempDirForEachTest('dataset');

/** Writes `bytes` and runs `fn` with an open LineSource for it. */
async function withSource<T>(bytes: Buffer, fn: (src: LineSource) => Promise<T>): Promise<T> {
  const file = join(tmp.dir, 'f.tsv');
  await writeFile(file, bytes);
  const handle = await open(file, 'r');
  try {
    return await fn({ handle, file, size: bytes.length, index: 4 });
  } finally {
    await handle.close();
  }
}

const KiB = 1024;

describe('readLineAt', () => {
  // Lengths around the 64 KiB first chunk and the 64+128 KiB second boundary, where an off-by-one would show.
  it.each([0, 1, 64 * KiB - 2, 64 * KiB - 1, 64 * KiB, 64 * KiB + 1, 192 * KiB - 1, 192 * KiB, 700 * KiB])('reads a %i-byte line after another line', async (length) => {
    const line = Buffer.alloc(length, 0x41);
    const bytes = Buffer.concat([Buffer.from('head\n'), line, Buffer.from('\nnext line\n')]);
    const got = await withSource(bytes, (src) => readLineAt(src, 5, 1024 * KiB));
    expect(got.length).toBe(length);
    expect(got.equals(line)).toBe(true);
  });

  it('reads the last line without a newline, and trims CR', async () => {
    expect((await withSource(Buffer.from('a\nlast'), (src) => readLineAt(src, 2, 100))).toString()).toBe('last');
    expect((await withSource(Buffer.from('a\r\nb\r\n'), (src) => readLineAt(src, 3, 100))).toString()).toBe('b');
  });

  it('accepts a line of exactly maxLineBytes and refuses one byte more', async () => {
    const bytes = Buffer.from('x\n0123456789\n');
    expect((await withSource(bytes, (src) => readLineAt(src, 2, 10))).toString()).toBe('0123456789');
    const error = await withSource(bytes, (src) => failure(readLineAt(src, 2, 9)));
    expect(error.code).toBe('line-too-long');
    expect(error.where).toEqual({ file: join(tmp.dir, 'f.tsv'), index: 4, offset: 2 });
    // Without a newline before EOF the limit still holds.
    expect((await withSource(Buffer.from('0123456789'), (src) => failure(readLineAt(src, 0, 9)))).code).toBe('line-too-long');
  });

  it('refuses a huge line without reading it all: at most maxLineBytes + 2 bytes are requested', async () => {
    const bytes = Buffer.alloc(3 * 1024 * KiB, 0x41);
    bytes[9] = 0x0a;
    const asked: number[] = [];
    const error = await withSource(bytes, async (src) => {
      const read = src.handle.read.bind(src.handle) as (b: Buffer, o: number, l: number, p: number) => Promise<{ bytesRead: number; buffer: Buffer }>;
      const spy = { ...src, handle: { read: (b: Buffer, o: number, l: number, p: number) => (asked.push(l), read(b, o, l, p)) } } as unknown as LineSource;
      return failure(readLineAt(spy, 10, 200 * KiB));
    });
    expect(error.code).toBe('line-too-long');
    expect(asked.reduce((a, b) => a + b, 0)).toBe(200 * KiB + 2);
  });

  it('reads a line longer than the 16 MiB it keeps while searching (measured, then read once), with CR and at EOF', async () => {
    const line = Buffer.alloc(20 * 1024 * KiB, 0x42);
    line[0] = 0x43;
    line[line.length - 1] = 0x44;
    const bytes = Buffer.concat([Buffer.from('head\n'), line, Buffer.from('\r\nnext\n')]);
    const got = await withSource(bytes, (src) => readLineAt(src, 5, 32 * 1024 * KiB));
    expect(got.equals(line)).toBe(true);
    const atEof = await withSource(Buffer.concat([Buffer.from('h\n'), line]), (src) => readLineAt(src, 2, 32 * 1024 * KiB));
    expect(atEof.equals(line)).toBe(true);
    const error = await withSource(bytes, (src) => failure(readLineAt(src, 5, 18 * 1024 * KiB)));
    expect(error.code).toBe('line-too-long');
  });

  it('offset-not-line-start and offset-past-eof', async () => {
    const bytes = Buffer.from('abc\ndef\n');
    expect((await withSource(bytes, (src) => failure(readLineAt(src, 5, 100)))).code).toBe('offset-not-line-start');
    expect((await withSource(bytes, (src) => failure(readLineAt(src, 8, 100)))).code).toBe('offset-past-eof');
    expect((await withSource(bytes, (src) => failure(readLineAt(src, 2 ** 40, 100)))).message).toContain('byte offset 1099511627776: the offset lies past the end of the file (8 bytes)');
  });
});

describe('readKnownLine', () => {
  it('reads [offset, end) and drops the newline', async () => {
    const bytes = Buffer.from('abc\ndef\nlast');
    expect((await withSource(bytes, (src) => readKnownLine(src, 4, 8, 100))).toString()).toBe('def');
    expect((await withSource(bytes, (src) => readKnownLine(src, 8, 12, 100))).toString()).toBe('last');
  });

  it('checks the line start and the length limit', async () => {
    const bytes = Buffer.from('abc\ndef\nghi\n');
    expect((await withSource(bytes, (src) => failure(readKnownLine(src, 5, 8, 100)))).code).toBe('offset-not-line-start');
    expect((await withSource(bytes, (src) => failure(readKnownLine(src, 4, 8, 2)))).code).toBe('line-too-long');
  });

  it('trusts its own offset, not the end: a wrong end (too far, too short, before it) still gives the whole line', async () => {
    const bytes = Buffer.from('abc\ndef\nghi\n');
    for (const end of [12, 9, 6, 5, 4, 2, 100]) {
      expect((await withSource(bytes, (src) => readKnownLine(src, 4, end, 100))).toString()).toBe('def');
    }
    expect((await withSource(bytes, (src) => readKnownLine(src, 0, 12, 100))).toString()).toBe('abc');
  });
});
