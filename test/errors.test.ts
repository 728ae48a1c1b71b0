// The error classes' exit codes, the one-line data message (file, sample, byte offset, what to do), and its escaping.
import { describe, expect, it } from 'vitest';
import { DataError, EXIT, exitCodeForSignal, formatDataMessage, InternalError, oneLine, OutputError, UsageError } from '../src/errors.js';

describe('exit codes', () => {
  it('each kind of failure carries its code; a signal ends as 128 + its number', () => {
    expect([new UsageError('x').exitCode, new DataError('io', { file: 'f' }, 'p').exitCode, new OutputError('x').exitCode, new InternalError('x').exitCode]).toEqual([2, 1, 1, 70]);
    expect([exitCodeForSignal('SIGINT'), exitCodeForSignal('SIGTERM'), exitCodeForSignal('EPIPE')]).toEqual([EXIT.sigint, EXIT.sigterm, EXIT.sigpipe]);
    expect([EXIT.sigint, EXIT.sigpipe, EXIT.sigterm]).toEqual([128 + 2, 128 + 13, 128 + 15]);
  });
});

describe('data messages', () => {
  it('name the file, then the sample and byte offset when known, then the problem and what to do', () => {
    expect(formatDataMessage({ file: 'a.tsv', index: 3, offset: 0 }, 'the JSON is malformed', 'Fix line 4')).toBe('a.tsv, sample 3, byte offset 0: the JSON is malformed. Fix line 4');
    expect(formatDataMessage({ file: 'a.tsv' }, 'the file is empty', '')).toBe('a.tsv: the file is empty');
    const error = new DataError('bad-base64', { file: 'i.tsv', offset: 12 }, 'not base64', 'Download it again');
    expect([error.message, error.code, error.problem, error.where]).toEqual(['i.tsv, byte offset 12: not base64. Download it again', 'bad-base64', 'not base64', { file: 'i.tsv', offset: 12 }]);
  });

  it('stay one line: breaks, C0 and C1 controls and bidi overrides are escaped, other text kept', () => {
    expect(oneLine('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(oneLine('x\u0000\u001b[31m\u0085\u202eevil\u2066')).toBe('x\\u0000\\u001b[31m\\u0085\\u202eevil\\u2066');
    expect(oneLine('Person 1 ✅ — naïve 人')).toBe('Person 1 ✅ — naïve 人');
    expect(formatDataMessage({ file: 'dir\n/x.tsv' }, 'bad', '')).toBe('dir\\n/x.tsv: bad');
  });
});
