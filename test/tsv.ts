// The one TSV writer of the tests: a split's images and annotations TSVs (+ .lineidx) from lines, offsets filled in.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SplitPaths } from '../src/types.js';

/** One sample of a split being assembled: the annotation line is built once its image line's offset is known. */
export interface Entry {
  annotationLine(imgOffset: number, imagesSize: number): Buffer;
  imageLine: Buffer;
  /** false: no newline is added after the line (it carries its own, or runs into the next line: "lines joined"). */
  annNewline?: boolean;
  imgNewline?: boolean;
}

export interface WrittenSplit extends SplitPaths {
  /** Where each sample's annotation line starts (what the .lineidx says). */
  annOffsets: number[];
  /** Where each sample's image line really starts. */
  imgOffsets: number[];
  imagesSize: number;
}

/** Writes `<prefix>.{images,annotations}.tsv` and the annotations .lineidx (unless lineidx is false). */
export async function writeEntries(dir: string, prefix: string, entries: readonly Entry[], options: { lineidx?: boolean } = {}): Promise<WrittenSplit> {
  const nl = Buffer.from('\n');
  const imgParts: Buffer[] = [];
  const imgOffsets: number[] = [];
  let position = 0;
  // Images in reverse order, so an offset that is off by a line still lands on some other sample's line.
  for (let i = entries.length - 1; i >= 0; i--) {
    imgOffsets[i] = position;
    const parts = entries[i].imgNewline === false ? [entries[i].imageLine] : [entries[i].imageLine, nl];
    imgParts.push(...parts);
    position += parts.reduce((n, p) => n + p.length, 0);
  }
  const imagesSize = position;
  const annParts: Buffer[] = [];
  const annOffsets: number[] = [];
  position = 0;
  entries.forEach((entry, i) => {
    const line = entry.annotationLine(imgOffsets[i], imagesSize);
    annOffsets.push(position);
    annParts.push(line);
    position += line.length;
    if (entry.annNewline !== false) {
      annParts.push(nl);
      position += 1;
    }
  });
  const split: WrittenSplit = {
    name: prefix,
    imagesTsv: join(dir, `${prefix}.images.tsv`),
    annotationsTsv: join(dir, `${prefix}.annotations.tsv`),
    annotationsLineidx: options.lineidx === false ? null : join(dir, `${prefix}.annotations.tsv.lineidx`),
    annOffsets,
    imgOffsets,
    imagesSize,
  };
  await writeFile(split.imagesTsv, Buffer.concat(imgParts));
  await writeFile(split.annotationsTsv, Buffer.concat(annParts));
  if (split.annotationsLineidx) await writeFile(split.annotationsLineidx, annOffsets.map((o) => `${o}\n`).join(''));
  return split;
}
