// Dataset on bad files: each broken sample or unusable file is one DataError naming file, sample and offset.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { tempDirForEachTest } from '../cli.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { annotationLine, failure, LFS, readFailure, sampleAnnotation, samples, tinyImage, writeSplit } from './helpers.js';

const tmp = tempDirForEachTest('dataset');

describe('Dataset errors', () => {
  it('offset-not-line-start and offset-past-eof name the images file, sample and offset', async () => {
    const png = await tinyImage('png');
    const split = await writeSplit(tmp.dir, 's', [{ annotation: sampleAnnotation(), image: png }]);
    const size = (await readFile(split.imagesTsv)).length;
    await writeFile(split.annotationsTsv, annotationLine(3, sampleAnnotation()) + annotationLine(size + 5, sampleAnnotation()));
    await rm(split.annotationsLineidx!);
    const paths = { ...split, annotationsLineidx: null };
    const mid = await readFailure(paths, 0);
    expect(mid.code).toBe('offset-not-line-start');
    expect(mid.message).toBe(
      `${split.imagesTsv}, sample 0, byte offset 3: the offset does not point at the start of a line (the byte before it is not a newline). ` +
        'The offsets do not match this file: use the files of one split together, or rebuild the .lineidx with `humanref-vis index`',
    );
    const past = await readFailure(paths, 1);
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
    const split = await writeSplit(tmp.dir, 's', specs);
    const annLength = split.annOffsets[1] - split.annOffsets[0] - 1;
    const image = await readFailure(split, 0, { maxLineBytes: annLength });
    expect(image.code).toBe('line-too-long');
    expect(image.message).toBe(`${split.imagesTsv}, sample 0, byte offset ${split.imgOffsets[0]}: the line is longer than ${annLength} bytes. The file is probably corrupt or the offset points into the wrong file; skip this sample or download the file again`);
    const ann = await readFailure(split, 0, { maxLineBytes: annLength - 1 });
    expect(ann.message).toContain(`${split.annotationsTsv}, sample 0, byte offset 0: the line is longer than ${annLength - 1} bytes`);
  });

  it('a stale .lineidx: a mid-line offset fails only its own sample (offset-not-line-start)', async () => {
    const split = await writeSplit(tmp.dir, 's', await samples());
    await writeFile(split.annotationsLineidx!, `0\n${split.annOffsets[1] + 2}\n`);
    const mid = await readFailure(split, 1);
    expect(mid.code).toBe('offset-not-line-start');
    expect(mid.where).toEqual({ file: split.annotationsTsv, index: 1, offset: split.annOffsets[1] + 2 });
  });

  /** Reads every sample; a failure becomes its error code. */
  async function outcomes(paths: Parameters<typeof Dataset.open>[0]): Promise<(string | number)[]> {
    const dataset = await Dataset.open(paths);
    try {
      const out: (string | number)[] = [];
      for (let i = 0; i < dataset.length; i++) {
        out.push(await dataset.readSample(i).then((s) => s.annOffset, (e: { code: string }) => e.code));
      }
      return out;
    } finally {
      await dataset.close();
    }
  }

  it('a bad .lineidx entry never takes its good neighbours down', async () => {
    const split = await writeSplit(tmp.dir, 's', await samples());
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
    const split = await writeSplit(tmp.dir, 's', await samples());
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
    const split = await writeSplit(tmp.dir, 's', await samples());
    const dataset = await Dataset.open(split);
    try {
      expect(() => dataset.annOffset(3)).toThrow(`${split.annotationsTsv}, sample 3: sample 3 does not exist (valid: 0 to 2). Pick an index in range`);
      expect((await failure(dataset.readAnnotation(-1))).code).toBe('index-out-of-range');
    } finally {
      await dataset.close();
    }
  });

  it('bad JSON and bad base64 through the reader keep file, sample and offset', async () => {
    const split = await writeSplit(tmp.dir, 's', await samples());
    const ann = await readFile(split.annotationsTsv);
    // Corrupt one base64 character of sample 1's image line in place.
    const img = await readFile(split.imagesTsv);
    const at = split.imgOffsets[1] + 2 + 20;
    img[at] = 0x2a;
    await writeFile(split.imagesTsv, img);
    const b64 = await readFailure(split, 1);
    expect(b64.message).toBe(`${split.imagesTsv}, sample 1, byte offset ${split.imgOffsets[1]}: invalid base64 character '*' at position 20 of the base64 column (byte 22 of the line). Skip this sample; the image column is corrupt or truncated`);
    // Drop the closing brace of the last line (the file ends `}\n`).
    ann[ann.length - 2] = 0x20;
    await writeFile(split.annotationsTsv, ann);
    const json = await readFailure(split, 2);
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
    const split = await writeSplit(tmp.dir, 'humanref_cot', await samples());
    const file = split[which]!;
    await writeFile(file, content);
    const error = await failure(Dataset.open(split));
    expect(error.code).toBe(code);
    expect(error.where).toEqual({ file });
    if (code === 'lfs-pointer') {
      expect(error.message).toBe(`${file}: this is a Git LFS pointer (${LFS.length} bytes), not the data. Run \`git lfs pull\` in the dataset folder (${tmp.dir}) to download it`);
    } else {
      expect(error.message).toBe(`${file}: the file is empty (0 bytes). Download the dataset again, or point to the right file`);
    }
  });

  it('missing files -> missing-file naming the file', async () => {
    const split = await writeSplit(tmp.dir, 'humanref_cot', await samples());
    await rm(split.imagesTsv);
    const error = await failure(Dataset.open(split));
    expect(error.code).toBe('missing-file');
    expect(error.message).toBe(`${split.imagesTsv}: the file does not exist. Check the path`);
  });
});
