// --to tsv's writer in process: lines copied byte for byte (a CR kept), image offsets rewritten, a shared image line
// written once, the standard file names, and nothing left behind on abort.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportItem } from '../../src/export/format.js';
import { TsvWriter, tsvPrefix } from '../../src/export/tsv.js';
import { fakeSource } from '../fakes.js';
import { ITEM } from './sample-item.js';

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'export-tsv-'));
  out = join(dir, 'out');
  await mkdir(out);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A split of three samples: 0 and 2 share the second image line, 1 ends in CRLF. */
async function source(name: string) {
  const images = 'key0\tAAA\nkey1\tBBB\n';
  const lines = ['9\t{"a":1}\n', '0\t{"b":2}\r\n', '9\t{"c":3}\n'];
  const src = fakeSource(name, [{}, {}, {}]);
  const paths = { ...src.paths, imagesTsv: join(dir, `${name}.images.tsv`), annotationsTsv: join(dir, `${name}.annotations.tsv`) };
  await writeFile(paths.imagesTsv, images);
  await writeFile(paths.annotationsTsv, lines.join(''));
  const annOffsets = lines.map((_, i) => lines.slice(0, i).join('').length);
  const item = (index: number, imgOffset: number): ExportItem => ({
    ...ITEM,
    source: { ...src, paths },
    sourcePosition: 0,
    sample: { ...ITEM.sample, split: name, index, annOffset: annOffsets[index], imgOffset },
    name: `${name}_${index}`,
  });
  return [item(0, 9), item(1, 0), item(2, 9)];
}

describe('TsvWriter', () => {
  it('copies the lines, rewrites the image offsets, writes a shared image once and indexes both files', async () => {
    const writer = new TsvWriter(out);
    const placements = [];
    for (const item of await source('main')) placements.push(await writer.append(await writer.prepare(item)));
    expect(await writer.commit()).toEqual(['humanref_cot.annotations.tsv', 'humanref_cot.annotations.tsv.lineidx', 'humanref_cot.images.tsv', 'humanref_cot.images.tsv.lineidx']);
    const read = (f: string) => readFile(join(out, f), 'utf8');
    expect(await read('humanref_cot.images.tsv')).toBe('key1\tBBB\nkey0\tAAA\n');
    expect(await read('humanref_cot.images.tsv.lineidx')).toBe('0\n9\n');
    expect(await read('humanref_cot.annotations.tsv')).toBe('0\t{"a":1}\n9\t{"b":2}\r\n0\t{"c":3}\n');
    expect(await read('humanref_cot.annotations.tsv.lineidx')).toBe('0\n10\n21\n');
    expect(placements).toEqual([
      { to_file: 'humanref_cot.annotations.tsv', to_split: 'main', to_index: 0, to_ann_offset: 0, to_img_offset: 0 },
      { to_file: 'humanref_cot.annotations.tsv', to_split: 'main', to_index: 1, to_ann_offset: 10, to_img_offset: 9 },
      { to_file: 'humanref_cot.annotations.tsv', to_split: 'main', to_index: 2, to_ann_offset: 21, to_img_offset: 0 },
    ]);
  });

  it('drops a UTF-8 BOM that started a source file: the line it began may land anywhere in the export', async () => {
    const bom = '\uFEFF';
    const src = fakeSource('main', [{}, {}]);
    const paths = { ...src.paths, imagesTsv: join(dir, 'bom.images.tsv'), annotationsTsv: join(dir, 'bom.annotations.tsv') };
    await writeFile(paths.imagesTsv, `${bom}key0\tAAA\nkey1\tBBB\n`);
    await writeFile(paths.annotationsTsv, `${bom}12\t{"a":1}\n0\t{"b":2}\n`);
    const item = (index: number, annOffset: number, imgOffset: number): ExportItem => ({
      ...ITEM,
      source: { ...src, paths },
      sourcePosition: 0,
      sample: { ...ITEM.sample, index, annOffset, imgOffset },
      name: `main_${index}`,
    });
    const writer = new TsvWriter(out);
    for (const it of [item(0, 0, 12), item(1, 14, 0)]) await writer.append(await writer.prepare(it));
    await writer.commit();
    expect(await readFile(join(out, 'humanref_cot.images.tsv'), 'utf8')).toBe('key1\tBBB\nkey0\tAAA\n');
    expect(await readFile(join(out, 'humanref_cot.annotations.tsv'), 'utf8')).toBe('0\t{"a":1}\n9\t{"b":2}\n');
  });

  it('writes each split to its own files and leaves nothing on abort', async () => {
    const writer = new TsvWriter(out);
    for (const item of [...(await source('rejection')), ...(await source('mine'))]) await writer.append(await writer.prepare(item));
    await writer.abort();
    expect(await readdir(out)).toEqual([]);
  });
});

describe('tsvPrefix', () => {
  it('gives the standard names for main and rejection and a safe stem otherwise', () => {
    expect(tsvPrefix('main')).toBe('humanref_cot');
    expect(tsvPrefix('rejection')).toBe('humanref_cot_rejection');
    expect(tsvPrefix('my split/x')).toBe('my_split_x');
  });
});
