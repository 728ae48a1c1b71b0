import { open, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirForEachTest } from '../cli.js';
import { formatLineidx, parseLineidx, scanLineStarts } from '../../src/dataset/lineidx.js';
import { writeLineidx } from '../../src/runs/index-run.js';
import { sampleAnnotation, tinyImage, writeSplit } from './helpers.js';

const tmp = tempDirForEachTest('dataset');

describe('parseLineidx', () => {
  it('parses offsets, with or without a final newline, tolerating CRLF', () => {
    expect([...parseLineidx(Buffer.from('0\n10\n4400000000\n'), 'f', 4400000001).offsets]).toEqual([0, 10, 4400000000]);
    expect([...parseLineidx(Buffer.from('0\r\n10'), 'f', 11).offsets]).toEqual([0, 10]);
    expect([...parseLineidx(Buffer.from(''), 'f', 11).offsets]).toEqual([]);
  });

  it.each([
    ['0\nabc\n', 100, 'f.lineidx, sample 1, byte offset 2: line 2 is "abc", not a byte offset. Rebuild it with `humanref-vis index <annotations.tsv>`'],
    ['0\n\n5\n', 100, 'f.lineidx, sample 1, byte offset 2: line 2 is "", not a byte offset. Rebuild it with `humanref-vis index <annotations.tsv>`'],
    ['0\n50\n20\n', 100, 'f.lineidx, sample 2, byte offset 5: offsets must ascend, but line 3 (20) follows 50. Rebuild it with `humanref-vis index <annotations.tsv>`'],
    ['0\n100\n', 100, 'f.lineidx, sample 1, byte offset 2: line 2 (100) points past the end of its TSV (100 bytes). Rebuild it with `humanref-vis index <annotations.tsv>`'],
  ])('bad-lineidx for %j, kept for that entry alone', (text, size, message) => {
    const { offsets, bad } = parseLineidx(Buffer.from(text), 'f.lineidx', size);
    expect(bad.size).toBe(1);
    const [[index, error]] = [...bad];
    expect(error.code).toBe('bad-lineidx');
    expect(error.message).toBe(message);
    expect(Number.isNaN(offsets[index])).toBe(true);
    expect([...offsets].filter((_, i) => i !== index).every((o) => Number.isFinite(o))).toBe(true);
  });
});

describe('scanLineStarts', () => {
  it.each([
    ['a\nbb\nccc\n', [0, 2, 5]],
    ['a\nbb\nccc', [0, 2, 5]],
    ['a\r\n\r\nb\n', [0, 3, 5]],
    ['\n\n', [0, 1]],
    ['x', [0]],
  ])('%j -> %j', async (text, starts) => {
    const file = join(tmp.dir, 't.tsv');
    await writeFile(file, text);
    const handle = await open(file, 'r');
    try {
      expect([...(await scanLineStarts(handle, Buffer.byteLength(text)))]).toEqual(starts);
    } finally {
      await handle.close();
    }
  });

  it('finds newlines across 16 MiB chunk boundaries', async () => {
    const file = join(tmp.dir, 'big.tsv');
    const chunk = 16 * 1024 * 1024;
    const bytes = Buffer.alloc(chunk * 2 + 10, 0x61);
    for (const at of [chunk - 1, chunk, chunk * 2 + 3]) bytes[at] = 0x0a;
    await writeFile(file, bytes);
    const handle = await open(file, 'r');
    try {
      expect([...(await scanLineStarts(handle, bytes.length))]).toEqual([0, chunk, chunk + 1, chunk * 2 + 4]);
    } finally {
      await handle.close();
    }
  });

  it('formatLineidx writes one decimal offset per line', () => {
    expect(formatLineidx([0, 17, 4400000000])).toBe('0\n17\n4400000000\n');
  });
});

describe('index command (writeLineidx)', () => {
  it('writes exactly the lineidx the split was built with, atomically (no temp file left)', async () => {
    const png = await tinyImage('png');
    const split = await writeSplit(tmp.dir, 'humanref_cot', [0, 1, 2].map(() => ({ annotation: sampleAnnotation('a ✅ émoji'), image: png })), { ascii: false });
    const expected = await readFile(split.annotationsLineidx!, 'utf8');
    const out = join(tmp.dir, 'copy.lineidx');
    expect(await writeLineidx(split.annotationsTsv, out)).toBe(3);
    expect(await readFile(out, 'utf8')).toBe(expected);
    expect(expected).toBe(split.annOffsets.map((o) => `${o}\n`).join(''));
    expect((await readdir(tmp.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('defaults to <tsv>.lineidx and refuses an LFS pointer', async () => {
    const tsv = join(tmp.dir, 'x.tsv');
    await writeFile(tsv, '0\t{}\n5\t{}\n');
    await writeLineidx(tsv);
    expect(await readFile(tsv + '.lineidx', 'utf8')).toBe('0\n5\n');
    await writeFile(tsv, 'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 94600000\n');
    await expect(writeLineidx(tsv)).rejects.toMatchObject({ code: 'lfs-pointer' });
  });
});
