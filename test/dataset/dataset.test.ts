// Dataset: reads samples through the .lineidx offsets (or an index built in memory), in any order, with their exact values.
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirForEachTest } from '../cli.js';
import { Dataset } from '../../src/dataset/dataset.js';
import type { SplitPaths } from '../../src/types.js';
import { writeEntries } from '../tsv.js';
import { annotationLine, imageLine, readAll, sampleAnnotation, samples, tinyImage, writeSplit } from './helpers.js';

const tmp = tempDirForEachTest('dataset');

describe('Dataset', () => {
  it('reads every sample: offsets, annotation, key, image bytes and format', async () => {
    const specs = await samples();
    const split = await writeSplit(tmp.dir, 'humanref_cot', specs);
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
    const escaped = await writeSplit(tmp.dir, 'esc', specs, { ascii: true });
    const raw = await writeSplit(tmp.dir, 'raw', specs, { ascii: false });
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
    const split = await writeSplit(tmp.dir, 'crlf', specs, { eol: '\r\n', bytesLiteral: true });
    const read = await readAll(split);
    expect(read[2].annotation.think).toBe('Let’s now finalize: nobody.');
    expect(read[1].image.equals(specs[1].image)).toBe(true);
    expect(read.map((s) => s.imageKey)).toEqual(['a', 'b', 'c']);
  });

  it('reads past a UTF-8 BOM at the start of either TSV, and counts its 3 bytes in the offsets after it', async () => {
    const specs = await samples();
    const bom = (text: string, bomFirst: boolean) => Buffer.concat([Buffer.from(bomFirst ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)]);
    // Image lines are written last sample first: sample 2's image line starts the images TSV.
    const split = await writeEntries(tmp.dir, 'bom', specs.map((s, i) => ({
      imageLine: bom(imageLine(s.key ?? '', s.image), i === specs.length - 1),
      annotationLine: (imgOffset: number) => bom(annotationLine(imgOffset, s.annotation), i === 0),
      imgNewline: false,
      annNewline: false,
    })));
    expect(split.imgOffsets[2]).toBe(0);
    expect(split.annOffsets[1]).toBe(3 + annotationLine(split.imgOffsets[0], specs[0].annotation).length);
    for (const paths of [split, { ...split, annotationsLineidx: null }]) {
      const read = await readAll(paths, () => undefined);
      expect(read.map((s) => [s.annOffset, s.imgOffset, s.imageKey])).toEqual(specs.map((s, i) => [split.annOffsets[i], split.imgOffsets[i], s.key]));
      expect(read[0].annotation.regionMap).toEqual({ 'the man → ✅ in “red”': [0] });
      expect(read[2].image.equals(specs[2].image)).toBe(true);
    }
  });

  it('builds the index in memory without a .lineidx, warns how to save it, and reads the same', async () => {
    const specs = await samples();
    const withIdx = await writeSplit(tmp.dir, 'humanref_cot', specs);
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
      imagesTsv: join(tmp.dir, 'far.images.tsv'),
      annotationsTsv: join(tmp.dir, 'far.annotations.tsv'),
      annotationsLineidx: join(tmp.dir, 'far.annotations.tsv.lineidx'),
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
