// The image header of a sample, or a DataError that names the images TSV, the sample and its image offset.
import { describe, expect, it } from 'vitest';
import { imageHeaderOf } from '../../src/checks/image-info.js';
import { DataError } from '../../src/errors.js';
import type { Sample } from '../../src/types.js';

const sample = { split: 'main', index: 7, annOffset: 120, imgOffset: 98_765, imageKey: 'k', image: Buffer.from('xx'), imageFormat: 'jpeg', annotation: { gtBoxes: [], regionMap: {}, think: '', extra: {} } } as Sample;

describe('imageHeaderOf', () => {
  it('returns what the header reader found', () => {
    expect(imageHeaderOf(sample, '/d/images.tsv', () => ({ format: 'png', width: 3, height: 4 }))).toEqual({ format: 'png', width: 3, height: 4 });
  });
  it('turns a reader failure into a DataError at the image line', () => {
    let caught: unknown;
    try {
      imageHeaderOf(sample, '/d/images.tsv', () => {
        throw new Error('truncated SOF segment');
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataError);
    const e = caught as DataError;
    expect(e.code).toBe('image-decode');
    expect(e.message).toContain('/d/images.tsv, sample 7, byte offset 98765');
    expect(e.message).toContain('cannot read the image header: truncated SOF segment');
  });
  it('passes a DataError through unchanged', () => {
    const own = new DataError('not-an-image', { file: 'x' }, 'not an image', 'skip it');
    expect(() =>
      imageHeaderOf(sample, '/d/images.tsv', () => {
        throw own;
      }),
    ).toThrow(own);
  });
});
