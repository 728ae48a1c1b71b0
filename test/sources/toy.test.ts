import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { ToySource } from '../../src/sources/toy.js';
import { tempDirForFile } from '../cli.js';
import { TOY_ROWS, writeToyFixture } from './toy-fixture.js';

const tmp = tempDirForFile('toy');

async function open(extraLines: string[] = []) {
  const { anno, images } = await writeToyFixture(tmp.dir, extraLines);
  return ToySource.open({ name: 'toy', annotationsTsv: anno, imagesTsv: images, annotationsLineidx: null });
}

describe('upstream\'s custom GRPO JSONL as a source', () => {
  it('reads each row as a sample: the hints as xywh candidates, the hint equal to ans as the target, ans kept', async () => {
    const source = await open();
    expect(source.length).toBe(3);
    const tv = await source.readSample(1);
    expect(tv.annotation.gtBoxes).toHaveLength(23);
    expect(tv.annotation.gtBoxes[22]).toEqual([213.72, 456.51, 405.73 - 213.72, 590.26 - 456.51]);
    expect(tv.annotation.regionMap).toEqual({ 'a tv with a woman being interviewed on it': [22] });
    expect(tv.annotation.extra).toMatchObject({ ans: TOY_ROWS[1].ans, image_name: 'COCO_train2014_000000181828.jpg', hint_category: 'person' });
    expect(tv.imageFormat).toBe('jpeg');
    // The laptop row's ans is no hint: no target, ans still there.
    const laptop = await source.readAnnotation(0);
    expect(laptop.annotation.regionMap).toEqual({ 'woman in white shirt looking down at laptop computer': [] });
    expect(laptop.annotation.extra.ans).toEqual([0.0, 45.95, 238.92, 454.59]);
  });

  it('names file, row and byte offset of a bad row, and never reads outside the images folder', async () => {
    const source = await open(['{"image_name": "../../etc/passwd", "ans": [0, 0, 1, 1], "referring": "x", "candidate_boxes": []}', '{not json', '{"image_name": "a.jpg", "ans": [0, 0, 1], "referring": "x", "candidate_boxes": []}']);
    await expect(source.readSample(3)).rejects.toThrow(/anno_with_candidates\.json, sample 3, byte offset \d+: "image_name" "\.\.\/\.\.\/etc\/passwd" is not a plain file name/);
    await expect(source.readAnnotation(4)).rejects.toThrow(DataError);
    await expect(source.readAnnotation(4)).rejects.toThrow(/sample 4, .*the line is not JSON/);
    await expect(source.readAnnotation(5)).rejects.toThrow(/"ans" must be a box \[x0, y0, x1, y1\] of 4 numbers/);
  });

  it('reads a first row after a UTF-8 BOM, and counts the BOM\'s 3 bytes in the byte offsets of the rows after it', async () => {
    const { anno, images } = await writeToyFixture(tmp.dir, ['{not json']);
    const plain = await readFile(anno);
    await writeFile(anno, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]));
    const source = await ToySource.open({ name: 'toy', annotationsTsv: anno, imagesTsv: images, annotationsLineidx: null });
    expect((await source.readAnnotation(0)).annotation.extra.image_name).toBe(TOY_ROWS[0].image_name);
    expect(source.annOffset(0)).toBe(0);
    expect(source.annOffset(1)).toBe(3 + plain.indexOf(0x0a) + 1);
    const broken = 3 + plain.lastIndexOf(0x0a, plain.length - 2) + 1;
    await expect(source.readAnnotation(3)).rejects.toThrow(`sample 3, byte offset ${broken}: the line is not JSON`);
  });
});
