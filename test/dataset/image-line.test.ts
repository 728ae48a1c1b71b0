import { describe, expect, it } from 'vitest';
import { checkImageSize, decodeBase64Strict, parseImageLine } from '../../src/dataset/image-line.js';
import { dataError, imageLine, tinyImage } from './helpers.js';

const where = { file: '/d/x.images.tsv', index: 2, offset: 4400000000 };

function lineOf(text: string): Buffer {
  return Buffer.from(text.replace(/\n$/, ''));
}

describe('parseImageLine', () => {
  it('decodes plain and b\'...\'-wrapped base64 to the same bytes', async () => {
    const png = await tinyImage('png');
    const plain = parseImageLine(lineOf(imageLine('key 1', png)), where);
    const wrapped = parseImageLine(lineOf(imageLine('key 1', png, { bytesLiteral: true })), where);
    expect(plain).toEqual({ key: 'key 1', image: png, format: 'png' });
    expect(wrapped.image.equals(png)).toBe(true);
  });

  it('sniffs JPEG', async () => {
    const jpeg = await tinyImage('jpeg');
    expect(parseImageLine(lineOf(imageLine('0', jpeg)), where).format).toBe('jpeg');
  });

  it('rejects a stray character with its position (Buffer.from would skip it)', async () => {
    const b64 = (await tinyImage('png')).toString('base64');
    const text = `k\t${b64.slice(0, 10)}!${b64.slice(10)}`;
    const error = dataError(() => parseImageLine(Buffer.from(text), where));
    expect(error.code).toBe('bad-base64');
    expect(error.message).toBe(
      "/d/x.images.tsv, sample 2, byte offset 4400000000: invalid base64 character '!' at position 10 of the base64 column (byte 12 of the line). Skip this sample; the image column is corrupt or truncated",
    );
  });

  it('reports the position inside a b\'...\' wrapper relative to the base64', () => {
    const error = dataError(() => parseImageLine(Buffer.from("k\tb'AAAA AAA='"), where));
    expect(error.problem).toBe("invalid base64 character ' ' at position 4 of the base64 column (byte 8 of the line)");
  });

  it.each([
    ['AAA', 'the base64 column has 3 characters, not a multiple of 4 (truncated?)'],
    ['AA=A', "invalid base64 character '=' at position 2 of the base64 column (byte 4 of the line)"],
    ['A===', "invalid base64 character '=' at position 1 of the base64 column (byte 3 of the line)"],
    ['AAAA\u00e9AAA', 'invalid base64 character byte 0xc3 at position 4 of the base64 column (byte 6 of the line)'],
    ['', 'the base64 column is empty'],
    ["b'", "invalid base64 character ''' at position 1 of the base64 column (byte 3 of the line)"],
  ])('bad base64 %j', (b64, problem) => {
    const error = dataError(() => parseImageLine(Buffer.from(`k\t${b64}`), where));
    expect(error.code).toBe('bad-base64');
    expect(error.problem).toBe(problem);
  });

  it('accepts one and two padding characters', () => {
    const line = Buffer.from('QQ==');
    expect(decodeBase64Strict(line, 0, 4, where).toString()).toBe('A');
    expect(decodeBase64Strict(Buffer.from('QUI='), 0, 4, where).toString()).toBe('AB');
  });

  it('not-an-image for valid base64 of other bytes; column-count without a tab', () => {
    const text = dataError(() => parseImageLine(Buffer.from(`k\t${Buffer.from('hello world').toString('base64')}`), where));
    expect(text.code).toBe('not-an-image');
    expect(text.problem).toBe('the decoded data (11 bytes) is no JPEG, PNG, WebP or GIF (starts with 68 65 6c 6c 6f 20 77 6f)');
    expect(dataError(() => parseImageLine(Buffer.from('just-one-column'), where)).code).toBe('column-count');
    const three = dataError(() => parseImageLine(Buffer.from('k\tQUI=\textra'), where));
    expect(three.code).toBe('column-count');
    expect(three.problem).toBe('the image line has more than 2 tab-separated columns (another tab at byte 6)');
  });
});

describe('checkImageSize', () => {
  const gif = (width: number, height: number) => {
    const bytes = Buffer.from('GIF89a\0\0\0\0', 'latin1');
    bytes.writeUInt16LE(width, 6);
    bytes.writeUInt16LE(height, 8);
    return bytes;
  };

  it('refuses a header that claims more pixels than the limit, naming size, limit and what to do', () => {
    const error = dataError(() => checkImageSize(gif(65535, 65535), where, 60_000_000));
    expect(error.code).toBe('image-too-large');
    expect(error.where).toEqual(where);
    expect(error.message).toBe(
      '/d/x.images.tsv, sample 2, byte offset 4400000000: the gif header claims 65535×65535 pixels (4294.8 megapixels, the limit is 60), so it was not decoded. ' +
        'A HumanRef photo has about 1 megapixel: the image is corrupt or a decompression bomb; skip this sample',
    );
  });

  it('accepts sizes up to the limit, and leaves unreadable headers to the decoder', () => {
    expect(() => checkImageSize(gif(1000, 1000), where, 1_000_000)).not.toThrow();
    expect(dataError(() => checkImageSize(gif(1001, 1000), where, 1_000_000)).code).toBe('image-too-large');
    expect(() => checkImageSize(Buffer.from([0xff, 0xd8, 0xff, 0x00]), where, 1)).not.toThrow();
  });
});
