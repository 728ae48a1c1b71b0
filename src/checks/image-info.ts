// The stored image's format and size from its header, as a DataError that names the images file and offset.
import { DataError } from '../errors.js';
import type { ImageHeader, Sample } from '../types.js';

export type ReadImageHeader = (bytes: Buffer) => ImageHeader;

export function imageHeaderOf(sample: Sample, imagesTsv: string, readImageHeader: ReadImageHeader): ImageHeader {
  try {
    return readImageHeader(sample.image);
  } catch (error) {
    if (error instanceof DataError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError('image-decode', { file: imagesTsv, index: sample.index, offset: sample.imgOffset }, `cannot read the image header: ${reason}`, 'The image is corrupt; skip this sample');
  }
}
