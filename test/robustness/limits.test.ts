// Resource limits: decompression bombs refused from the header, 300 MB lines refused, megabyte reasoning refused or parsed.
// How long each takes and how much memory it holds: test/bench/limits.bench.ts.
import { open, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseAnnotationCot, parseChainOfThought } from '../../src/cot/parse.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { DataError } from '../../src/errors.js';
import { getRenderer } from '../../src/render/index.js';
import type { Sample } from '../../src/types.js';
import { loadCorpus, plainAnnotation, withTimeout, writeEntries } from './corpus.js';
import { tempDirForFile } from '../cli.js';
import { readFailure } from '../dataset/helpers.js';
import { jpegWithSize, pngBomb } from './images.js';

const corpus = loadCorpus();
const jpeg = corpus.find((s) => s.image[0] === 0xff)!;

const tmp = tempDirForFile('limits');

describe('decompression bombs', () => {
  const bombs = [
    ['a JPEG whose header claims 65000×65000', jpegWithSize(jpeg.image, 65000, 65000), 'jpeg header claims 65000×65000 pixels (4225.0 megapixels'],
    ['a PNG whose IHDR claims 100000×100000', pngBomb(100_000, 100_000), 'png header claims 100000×100000 pixels (10000.0 megapixels'],
  ] as const;

  for (const [what, bytes, claim] of bombs) {
    it(`the reader refuses ${what} before anything decodes it`, async () => {
      const split = await writeEntries(tmp.dir, `bomb-${bytes[0]}`, [{ annotationLine: plainAnnotation(jpeg.json), imageLine: Buffer.from(`k\t${bytes.toString('base64')}`) }]);
      const error = await readFailure(split, 0);
      expect(error.code).toBe('image-too-large');
      expect(error.message).toBe(
        `${split.imagesTsv}, sample 0, byte offset 0: the ${claim}, the limit is 60), so it was not decoded. ` +
          'A HumanRef photo has about 1 megapixel: the image is corrupt or a decompression bomb; skip this sample',
      );
    });
  }

  it('the limit is an option: a real 1 MP photo is refused under a 0.1 MP limit, read under the default', async () => {
    const split = await writeEntries(tmp.dir, 'limit-option', [{ annotationLine: plainAnnotation(jpeg.json), imageLine: jpeg.imageLine }]);
    expect((await readFailure(split, 0, { maxImagePixels: 100_000 })).code).toBe('image-too-large');
    const dataset = await Dataset.open(split);
    await expect(dataset.readSample(0)).resolves.toMatchObject({ imageFormat: 'jpeg' });
    await dataset.close();
  });

  it('the renderer, handed a bomb directly (no reader in front), refuses it from the header at once, without decoding', async () => {
    const renderer = await getRenderer();
    for (const [, bytes] of bombs) {
      const sample: Sample = {
        split: 'main',
        index: 3,
        annOffset: 10,
        imgOffset: 20,
        annotation: { ...jpeg.annotation, extra: {} },
        imageKey: 'k',
        image: bytes,
        imageFormat: bytes[0] === 0xff ? 'jpeg' : 'png',
      };
      const cot = parseAnnotationCot(jpeg.annotation);
      const error = await renderer.render(sample, cot).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).code).toBe('image-too-large');
      expect((error as DataError).message).toMatch(/^main images TSV, sample 3, byte offset 20: the image claims \d+×\d+ px, more than 60 megapixels\. /);
    }
  });
});

describe('lines longer than a sane bound', () => {
  const MB = 1024 * 1024;

  /** A sparse file: `head`, then zeros (no newline) up to `size` bytes; nothing is written to disk for the zeros. */
  async function sparse(path: string, head: string, size: number): Promise<void> {
    await writeFile(path, head);
    const handle = await open(path, 'r+');
    await handle.truncate(size);
    await handle.close();
  }

  it('an image line of 300 MB: refused with line-too-long under a 1 MiB limit and under the default 256 MiB, without holding it', async () => {
    const split = await writeEntries(tmp.dir, 'long-image', [{ annotationLine: plainAnnotation(jpeg.json), imageLine: Buffer.from('k\t') }]);
    await sparse(split.imagesTsv, `k\t${jpeg.image.toString('base64')}`, 300 * MB);
    const small = await readFailure(split, 0, { maxLineBytes: MB });
    expect(small.code).toBe('line-too-long');
    expect(small.message).toBe(`${split.imagesTsv}, sample 0, byte offset 0: the line is longer than ${MB} bytes. The file is probably corrupt or the offset points into the wrong file; skip this sample or download the file again`);
    const byDefault = await withTimeout(readFailure(split, 0), 20_000, 'reading a 300 MB line');
    expect(byDefault.code).toBe('line-too-long');
    expect(byDefault.problem).toBe(`the line is longer than ${256 * MB} bytes`);
  });

  it('an annotation line the .lineidx says is 300 MB long: refused from the offsets alone, nothing read', async () => {
    const split = await writeEntries(tmp.dir, 'long-annotation', [{ annotationLine: plainAnnotation(jpeg.json), imageLine: jpeg.imageLine }]);
    await sparse(split.annotationsTsv, `0\t${jpeg.json.toString('utf8')}`, 300 * MB + 10);
    await writeFile(split.annotationsLineidx!, `0\n${300 * MB}\n`);
    const error = await readFailure(split, 0);
    expect(error.code).toBe('line-too-long');
    expect(error.where).toEqual({ file: split.annotationsTsv, index: 0, offset: 0 });
  });
});

describe('megabytes of reasoning', () => {
  const big = jpeg.annotation.think.repeat(Math.ceil(2_000_000 / jpeg.annotation.think.length));

  it('a 2 MB think is parsed without an internal error, every step found', () => {
    const cot = parseChainOfThought(big, jpeg.annotation.gtBoxes.length, jpeg.annotation.regionMap);
    expect(cot.warnings.filter((w) => w.startsWith('internal'))).toEqual([]);
    expect(cot.steps.length).toBeGreaterThanOrEqual(parseAnnotationCot(jpeg.annotation).steps.length);
  });

  // The renderer refuses a picture over 24 megapixels; a 2 MB think is refused from its length, before any layout.
  it('a 2 MB think is refused with a one-line DataError (image-too-large), the same way twice', async () => {
    const renderer = await getRenderer();
    const outcome = async () => {
      const dataset = await Dataset.open(await writeEntries(tmp.dir, 'big-think', [{ annotationLine: plainAnnotation(Buffer.from(JSON.stringify({ ...JSON.parse(jpeg.json.toString()), think: big }))), imageLine: jpeg.imageLine }]));
      const sample = await dataset.readSample(0);
      await dataset.close();
      const cot = parseAnnotationCot(sample.annotation);
      return withTimeout(renderer.render(sample, cot, { fast: true }), 20_000, 'rendering a 2 MB think').then(
        (image) => `rendered ${image.width}×${image.height}`,
        (error: unknown) => (error instanceof DataError ? `refused ${error.code}: ${error.message}` : `crashed: ${String(error)}`),
      );
    };
    const first = await outcome();
    expect(first).toMatch(/^refused image-too-large: .*, sample 0, byte offset 0: the reasoning text \(\d+ characters\) would need a picture of over \d+ megapixels\. \S/);
    expect(first).not.toMatch(/[\n\r]/);
    expect(await outcome()).toBe(first);
  });

  it('a 100 KB think in WebP (a picture too big for WebP) is refused with a DataError, not a sharp error', async () => {
    const renderer = await getRenderer();
    const think = jpeg.annotation.think.repeat(Math.ceil(100_000 / jpeg.annotation.think.length));
    const sample: Sample = { split: 'main', index: 0, annOffset: 0, imgOffset: 0, annotation: { ...jpeg.annotation, think, extra: {} }, imageKey: 'k', image: jpeg.image, imageFormat: 'jpeg' };
    const cot = parseChainOfThought(think, jpeg.annotation.gtBoxes.length, jpeg.annotation.regionMap);
    const error = await renderer.render(sample, cot, { format: 'webp', fast: true }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe('image-too-large');
  });
});

describe('thousands of candidates', () => {
  it('5000 boxes render', async () => {
    const renderer = await getRenderer();
    const gtBoxes = Array.from({ length: 5000 }, (_, i): [number, number, number, number] => [i % 700, i % 400, 30, 30]);
    const sample: Sample = { split: 'main', index: 0, annOffset: 0, imgOffset: 0, annotation: { ...jpeg.annotation, gtBoxes, extra: {} }, imageKey: 'k', image: jpeg.image, imageFormat: 'jpeg' };
    const cot = parseChainOfThought(jpeg.annotation.think, gtBoxes.length, jpeg.annotation.regionMap);
    const image = await withTimeout(renderer.render(sample, cot, { fast: true }), 20_000, 'rendering 5000 boxes');
    expect(image.width).toBeGreaterThan(0);
    expect((await sharp(image.data).metadata()).width).toBe(image.width);
  });
});
