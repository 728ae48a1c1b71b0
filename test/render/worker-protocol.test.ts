// What crosses to a drawing thread and back: traces too long to send refused first, errors kept as their class.
import { describe, expect, it } from 'vitest';
import { DataError, InternalError, UsageError } from '../../src/errors.js';
import { MAX_THINK_CHARS } from '../../src/formats.js';
import { checkTraceLength, deserializeError, sampleLocation, serializeError } from '../../src/render/worker-protocol.js';

const roundTrip = (error: unknown) => deserializeError(JSON.parse(JSON.stringify(serializeError(error))));

describe('checkTraceLength', () => {
  it('passes a trace at the limit and refuses one past it, naming where and how long', () => {
    const where = { file: 'a.tsv', index: 3, offset: 40 };
    expect(() => checkTraceLength('x'.repeat(MAX_THINK_CHARS), 'the reasoning', where)).not.toThrow();
    let error: unknown;
    try {
      checkTraceLength('x'.repeat(MAX_THINK_CHARS + 1), 'the reasoning', where);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toBe(`a.tsv, sample 3, byte offset 40: the reasoning is ${MAX_THINK_CHARS + 1} characters long, over the ${MAX_THINK_CHARS} a picture is drawn from. Real traces are under 10 KB: the line is probably corrupt; skip this sample`);
  });

  it('locates a sample by its annotations file, or by its split when it has none', () => {
    expect(sampleLocation({ split: 'main', index: 2, annOffset: 9, files: { annotationsTsv: '/d/x.tsv', imagesTsv: '/d/y.tsv' } })).toEqual({ file: '/d/x.tsv', index: 2, offset: 9 });
    expect(sampleLocation({ split: 'main', index: 2, annOffset: 9 })).toEqual({ file: 'main annotations TSV', index: 2, offset: 9 });
  });
});

describe('errors across the thread boundary', () => {
  it('come back as the class the main thread would have thrown, with their message', () => {
    const data = roundTrip(new DataError('bad-base64', { file: 'i.tsv', index: 1, offset: 5 }, 'not base64', 'Download it again'));
    expect(data).toBeInstanceOf(DataError);
    expect([(data as DataError).code, data.message]).toEqual(['bad-base64', 'i.tsv, sample 1, byte offset 5: not base64. Download it again']);
    expect(roundTrip(new UsageError('u'))).toBeInstanceOf(UsageError);
    expect(roundTrip(new InternalError('i'))).toBeInstanceOf(InternalError);
    const type = roundTrip(new TypeError('t'));
    expect([type.name, type.message]).toEqual(['TypeError', 't']);
    expect(roundTrip('a string').message).toBe('a string');
  });
});
