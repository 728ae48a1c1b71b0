// The photo of an eval sample: from its HumanRef-CoT split, or from --images by image_name (inside that folder only).
import { join } from 'node:path';
import { DataError } from '../errors.js';
import { MAX_IMAGE_PIXELS } from '../formats.js';
import { readImageFile, resolveInsideFolder } from '../dataset/image-file.js';
import { sniffImageFormat } from '../dataset/image-header.js';
import { checkImageSize } from '../dataset/image-line.js';
import type { ImageFormat } from '../types.js';
import type { Evaluation } from './evaluate.js';
import type { EvalOptions } from './options.js';

/** A sample's photo; `file` is where it was read (for --images, its real path, checked to lie inside the folder). */
export interface LoadedImage {
  bytes: Buffer;
  format: ImageFormat;
  file: string;
  /** The path as the user named it (`--images` joined with image_name), for the picture's footer: the real path would
   * name this machine's folders (and differ between checkouts of the same files). */
  shown: string;
}

export async function loadImage(options: EvalOptions, ev: Pick<Evaluation, 'samples'>, position: number): Promise<LoadedImage> {
  const gt = ev.samples[position].gt;
  const source = options.groundTruth;
  if (source.kind === 'dataset') {
    const split = source.sources.find((s) => s.paths.name === gt.dataset?.split);
    if (!split || !gt.dataset) throw new DataError('io', { file: gt.file }, 'the sample has no split to read its image from', 'This is a bug; please report it');
    const sample = await split.readSample(gt.dataset.index);
    return { bytes: sample.image, format: sample.imageFormat, file: split.paths.imagesTsv, shown: split.paths.imagesTsv };
  }
  if (!source.imagesDir) throw new DataError('missing-file', { file: gt.file }, 'no --images folder', 'Give --images <folder holding the image_name files>');
  if (!gt.imageName) throw new DataError('wrong-type', { file: gt.file }, `line ${gt.line} has no "image_name"`, 'Add image_name to the line');
  const file = await resolveInsideFolder(source.imagesDir, gt.imageName, { file: gt.file, what: `line ${gt.line}` });
  const bytes = await readImageFile(file);
  const format = sniffImageFormat(bytes);
  if (!format) throw new DataError('not-an-image', { file }, 'the file is not a JPEG, PNG, WebP or GIF image', 'Check --images and the image_name of this sample');
  // The pixel limit of the TSV reader: a header claiming more is not handed to the decoder.
  checkImageSize(bytes, { file }, MAX_IMAGE_PIXELS);
  return { bytes, format, file, shown: join(source.imagesDir, gt.imageName) };
}
