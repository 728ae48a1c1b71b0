import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { Dataset } from '../../src/dataset/dataset.js';
import type { SplitPaths } from '../../src/types.js';
import { annotationLine, failure, imageLine, sampleAnnotation, tempDir, tinyImage, type SampleSpec, writeSplit } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const LFS = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 9540000000\n';

async function samples(): Promise<SampleSpec[]> {
  const [png, jpeg] = await Promise.all([tinyImage('png', 7, 5), tinyImage('jpeg', 9, 3)]);
  return [
    { annotation: sampleAnnotation('the man → ✅ in “red”', [0]), image: png, key: 'a' },
    { annotation: { ...sampleAnnotation('two 😀 people', [1, 3]), note: 1 }, image: jpeg, key: 'b' },
    { annotation: { gt_boxes: [], region_map: {}, think: 'Let’s now finalize: nobody.' }, image: png, key: 'c' },
  ];
}

async function readAll(paths: SplitPaths, onWarning?: (m: string) => void) {
  const dataset = await Dataset.open(paths, { onWarning });
  try {
    const out = [];
    for (let i = 0; i < dataset.length; i++) out.push(await dataset.readSample(i));
    return out;
  } finally {
    await dataset.close();
  }
}

async function readFails(paths: SplitPaths, index: number, maxLineBytes?: number): Promise<DataError> {
  const dataset = await Dataset.open(paths, { maxLineBytes });
  try {
    return await failure(dataset.readSample(index));
  } finally {
    await dataset.close();
  }
}

describe('Dataset', () => {
  it('reads every sample: offsets, annotation, key, image bytes and format', async () => {
    const specs = await samples();
    const split = await writeSplit(dir, 'humanref_cot', specs);
    const [first, second, third] = await readAll({ ...split, name: 'main' });
    expect(first).toMatchObject({ split: 'main', index: 0, annOffset: 0, imgOffset: split.imgOffsets[0], imageKey: 'a', imageFormat: 'png' });
    expect(first.files).toEqual({ annotationsTsv: split.annotationsTsv, imagesTsv: split.imagesTsv });
    expect(first.image.equals(specs[0].image)).toBe(true);
    expect(first.annotation.regionMap).toEqual({ 'the man → ✅ in “red”': [0] });
    expect(second).toMatchObject({ index: 1, annOffset: split.annOffsets[1], imgOffset: split.imgOffsets[1], imageKey: 'b', imageFormat: 'jpeg' });
    expect(second.annotation.extra).toEqual({ note: 1 });
    expect(third.annotation).toEqual({ gtBoxes: [], regionMap: {}, think: 'Let’s now finalize: nobody.', extra: {} });
  });

  it('counts offsets in bytes: raw UTF-8 lines read the same as escaped-ASCII ones', async () => {
    const specs = await samples();
    const escaped = await writeSplit(dir, 'esc', specs, { ascii: true });
    const raw = await writeSplit(dir, 'raw', specs, { ascii: false });
    const line0 = annotationLine(raw.imgOffsets[0], specs[0].annotation, { ascii: false });
    // Multi-byte characters make the byte offset of line 1 differ from its character offset.
    expect(raw.annOffsets[1]).toBe(Buffer.byteLength(line0));
    expect(raw.annOffsets[1]).not.toBe(line0.length);
    expect(escaped.annOffsets[1]).toBe(annotationLine(escaped.imgOffsets[0], specs[0].annotation).length);
    const a = await readAll(escaped);
    const b = await readAll(raw);
    expect(b.map((s) => s.annotation)).toEqual(a.map((s) => s.annotation));
    expect(b[1].annotation.think).toContain('two 😀 people');
  });

  it('tolerates CRLF line ends and b\'...\' wrapped base64', async () => {
    const specs = await samples();
    const split = await writeSplit(dir, 'crlf', specs, { eol: '\r\n', bytesLiteral: true });
    const read = await readAll(split);
    expect(read[2].annotation.think).toBe('Let’s now finalize: nobody.');
    expect(read[1].image.equals(specs[1].image)).toBe(true);
    expect(read.map((s) => s.imageKey)).toEqual(['a', 'b', 'c']);
  });

  it('builds the index in memory without a .lineidx, warns how to save it, and reads the same', async () => {
    const specs = await samples();
    const withIdx = await writeSplit(dir, 'humanref_cot', specs);
    const warnings: string[] = [];
    const without = await readAll({ ...withIdx, annotationsLineidx: null }, (m) => warnings.push(m));
    expect(without).toEqual(await readAll(withIdx));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^${withIdx.annotationsTsv}: no \\.lineidx file, so the line index was built in memory \\(3 lines, \\d+ ms\\)\\. `));
    expect(warnings[0]).toContain(`Save it for next time with: humanref-vis index ${withIdx.annotationsTsv}`);
  });

  it('reads an image line beyond 4.3 GB in a sparse file, and an annotation line beyond 2^32', async () => {
    const png = await tinyImage('png', 11, 13);
    const imgOffset = 2 ** 32 + 12_345_678;
    const annOffset = 2 ** 32 + 7;
    const paths: SplitPaths = {
      name: 'far',
      imagesTsv: join(dir, 'far.images.tsv'),
      annotationsTsv: join(dir, 'far.annotations.tsv'),
      annotationsLineidx: join(dir, 'far.annotations.tsv.lineidx'),
    };
    // Positional writes past EOF leave holes: the files are > 4 GiB long but use almost no disk.
    for (const [file, offset, line] of [
      [paths.imagesTsv, imgOffset, imageLine('far', png)],
      [paths.annotationsTsv, annOffset, annotationLine(imgOffset, sampleAnnotation())],
    ] as const) {
      const handle = await open(file, 'w');
      await handle.write(Buffer.from('x\n'), 0, 2, 0);
      await handle.write(Buffer.from('\n' + line), 0, Buffer.byteLength(line) + 1, offset - 1);
      await handle.close();
    }
    await writeFile(paths.annotationsLineidx!, `${annOffset}\n`);
    const dataset = await Dataset.open(paths);
    try {
      expect(dataset.length).toBe(1);
      expect(dataset.annOffset(0)).toBe(annOffset);
      const sample = await dataset.readSample(0);
      expect(sample).toMatchObject({ annOffset, imgOffset, imageKey: 'far', imageFormat: 'png' });
      expect(sample.image.equals(png)).toBe(true);
    } finally {
      await dataset.close();
    }
  });
});

describe('Dataset errors', () => {
  it('offset-not-line-start and offset-past-eof name the images file, sample and offset', async () => {
    const png = await tinyImage('png');
    const split = await writeSplit(dir, 's', [{ annotation: sampleAnnotation(), image: png }]);
    const size = (await readFile(split.imagesTsv)).length;
    await writeFile(split.annotationsTsv, annotationLine(3, sampleAnnotation()) + annotationLine(size + 5, sampleAnnotation()));
    await rm(split.annotationsLineidx!);
    const paths = { ...split, annotationsLineidx: null };
    const mid = await readFails(paths, 0);
    expect(mid.code).toBe('offset-not-line-start');
    expect(mid.message).toBe(
      `${split.imagesTsv}, sample 0, byte offset 3: the offset does not point at the start of a line (the byte before it is not a newline). ` +
        'The offsets do not match this file: use the files of one split together, or rebuild the .lineidx with `humanref-vis index`',
    );
    const past = await readFails(paths, 1);
    expect(past.code).toBe('offset-past-eof');
    expect(past.message).toBe(
      `${split.imagesTsv}, sample 1, byte offset ${size + 5}: the offset lies past the end of the file (${size} bytes). ` +
        'The annotations and images files do not belong together, or one is truncated; download them again',
    );
  });

  it('line-too-long for image and annotation lines over maxLineBytes', async () => {
    const specs = await samples();
    // Trailing bytes after the PNG end keep it a PNG but make its line longer than any annotation line.
    specs[0].image = Buffer.concat([specs[0].image, Buffer.alloc(6000)]);
    const split = await writeSplit(dir, 's', specs);
    const annLength = split.annOffsets[1] - split.annOffsets[0] - 1;
    const image = await readFails(split, 0, annLength);
    expect(image.code).toBe('line-too-long');
    expect(image.message).toBe(`${split.imagesTsv}, sample 0, byte offset ${split.imgOffsets[0]}: the line is longer than ${annLength} bytes. The file is probably corrupt or the offset points into the wrong file; skip this sample or download the file again`);
    const ann = await readFails(split, 0, annLength - 1);
    expect(ann.message).toContain(`${split.annotationsTsv}, sample 0, byte offset 0: the line is longer than ${annLength - 1} bytes`);
  });

  it('a stale .lineidx: a mid-line offset fails only its own sample (offset-not-line-start)', async () => {
    const split = await writeSplit(dir, 's', await samples());
    await writeFile(split.annotationsLineidx!, `0\n${split.annOffsets[1] + 2}\n`);
    const mid = await readFails(split, 1);
    expect(mid.code).toBe('offset-not-line-start');
    expect(mid.where).toEqual({ file: split.annotationsTsv, index: 1, offset: split.annOffsets[1] + 2 });
  });

  /** Reads every sample; a failure becomes its error code. */
  async function outcomes(paths: SplitPaths): Promise<(string | number)[]> {
    const dataset = await Dataset.open(paths);
    try {
      const out: (string | number)[] = [];
      for (let i = 0; i < dataset.length; i++) {
        out.push(await dataset.readSample(i).then((s) => s.annOffset, (e: DataError) => e.code));
      }
      return out;
    } finally {
      await dataset.close();
    }
  }

  it('a bad .lineidx entry never takes its good neighbours down (annotation and image lines)', async () => {
    const split = await writeSplit(dir, 's', await samples());
    const [a, b, c] = split.annOffsets;
    // Entry 1 points inside line 1 (past its start): sample 0 must still read its intact line, sample 2 too.
    await writeFile(split.annotationsLineidx!, `${a}\n${b + 3}\n${c}\n`);
    expect(await outcomes(split)).toEqual([a, 'offset-not-line-start', c]);
    // Entry 1 points inside line 0 (before its end): sample 0 reads on to its newline.
    await writeFile(split.annotationsLineidx!, `${a}\n${b - 5}\n${c}\n`);
    expect(await outcomes(split)).toEqual([a, 'offset-not-line-start', c]);
    // Not a number, or not ascending, or past the end: only that entry's sample fails, not the whole split.
    await writeFile(split.annotationsLineidx!, `${a}\nabc\n${c}\n`);
    expect(await outcomes(split)).toEqual([a, 'bad-lineidx', c]);
    await writeFile(split.annotationsLineidx!, `${a}\n${c}\n${b}\n`);
    expect(await outcomes(split)).toEqual([a, c, 'bad-lineidx']);
    await writeFile(split.annotationsLineidx!, `${a}\n99999999\n${c}\n`);
    expect(await outcomes(split)).toEqual([a, 'bad-lineidx', c]);
  });

  it('a bad image offset fails only its own sample', async () => {
    const split = await writeSplit(dir, 's', await samples());
    const tsv = await readFile(split.annotationsTsv, 'utf8');
    // Sample 1's image offset points one byte into its image line.
    const lines = tsv.split('\n');
    lines[1] = lines[1].replace(/^\d+/, String(split.imgOffsets[1] + 1));
    await writeFile(split.annotationsTsv, lines.join('\n'));
    const fixed = lines.map((l) => Buffer.byteLength(l) + 1);
    const offsets = fixed.slice(0, 2).reduce((acc, n) => [...acc, acc[acc.length - 1] + n], [0]);
    await writeFile(split.annotationsLineidx!, offsets.join('\n') + '\n');
    expect(await outcomes(split)).toEqual([offsets[0], 'offset-not-line-start', offsets[2]]);
  });

  it('index-out-of-range', async () => {
    const split = await writeSplit(dir, 's', await samples());
    const dataset = await Dataset.open(split);
    try {
      expect(() => dataset.annOffset(3)).toThrow(`${split.annotationsTsv}, sample 3: sample 3 does not exist (valid: 0 to 2). Pick an index in range`);
      expect((await failure(dataset.readAnnotation(-1))).code).toBe('index-out-of-range');
    } finally {
      await dataset.close();
    }
  });

  it('bad JSON and bad base64 through the reader keep file, sample and offset', async () => {
    const split = await writeSplit(dir, 's', await samples());
    const ann = await readFile(split.annotationsTsv);
    // Corrupt one base64 character of sample 1's image line in place.
    const img = await readFile(split.imagesTsv);
    const at = split.imgOffsets[1] + 2 + 20;
    img[at] = 0x2a;
    await writeFile(split.imagesTsv, img);
    const b64 = await readFails(split, 1);
    expect(b64.message).toBe(`${split.imagesTsv}, sample 1, byte offset ${split.imgOffsets[1]}: invalid base64 character '*' at position 20 of the base64 column (byte 22 of the line). Skip this sample; the image column is corrupt or truncated`);
    // Drop the closing brace of the last line (the file ends `}\n`).
    ann[ann.length - 2] = 0x20;
    await writeFile(split.annotationsTsv, ann);
    const json = await readFails(split, 2);
    expect(json.code).toBe('invalid-json');
    expect(json.where).toEqual({ file: split.annotationsTsv, index: 2, offset: split.annOffsets[2] });
  });
});

describe('Dataset.open refuses unusable files', () => {
  const cases = [
    ['annotationsTsv', LFS, 'lfs-pointer'],
    ['imagesTsv', LFS, 'lfs-pointer'],
    ['annotationsLineidx', LFS, 'lfs-pointer'],
    ['annotationsTsv', '', 'empty-file'],
    ['imagesTsv', '', 'empty-file'],
    ['annotationsLineidx', '', 'empty-file'],
  ] as const;
  it.each(cases)('%s containing %j -> %s', async (which, content, code) => {
    const split = await writeSplit(dir, 'humanref_cot', await samples());
    const file = split[which]!;
    await writeFile(file, content);
    const error = await failure(Dataset.open(split));
    expect(error.code).toBe(code);
    expect(error.where).toEqual({ file });
    if (code === 'lfs-pointer') {
      expect(error.message).toBe(`${file}: this is a Git LFS pointer (${LFS.length} bytes), not the data. Run \`git lfs pull\` in the dataset folder (${dir}) to download it`);
    } else {
      expect(error.message).toBe(`${file}: the file is empty (0 bytes). Download the dataset again, or point to the right file`);
    }
  });

  it('missing files -> missing-file naming the file', async () => {
    const split = await writeSplit(dir, 'humanref_cot', await samples());
    await rm(split.imagesTsv);
    const error = await failure(Dataset.open(split));
    expect(error.code).toBe('missing-file');
    expect(error.message).toBe(`${split.imagesTsv}: the file does not exist. Check the path`);
  });
});
