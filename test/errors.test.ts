// The error classes and exit codes: one table every --help and docs/exit-codes.md are made from, each class's code,
// the one-line data message (file, sample, byte offset, what to do) and its escaping, and the one errno wording.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { DataError, EXIT, EXIT_CODES, exitCodeForSignal, exitCodesHelp, exitCodesMarkdown, formatDataMessage, InternalError, oneLine, OutputError, readFailure, UsageError, type ExitCommand } from '../src/errors.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function helpOf(command: ExitCommand): string {
  const out: string[] = [];
  const program = buildProgram({ exitCode: 0 });
  const sub = program.commands.find((c) => c.name() === command)!;
  sub.configureOutput({ writeOut: (s) => out.push(s), writeErr: () => undefined });
  sub.outputHelp();
  return out.join('');
}

describe('exit codes', () => {
  it('the table names every code the tool ends with', () => {
    expect(EXIT_CODES.map((e) => e.code).sort((a, b) => a - b)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
  });

  it.each(['visualize', 'eval', 'validate', 'stats'] as const)('%s --help lists them from the table', (command) => {
    const help = helpOf(command);
    expect(help).toContain(exitCodesHelp(command));
    expect(help.match(/Exit codes:/g)).toHaveLength(1);
  });

  it('docs/exit-codes.md holds the same table', () => {
    expect(readFileSync(path.join(ROOT, 'docs/exit-codes.md'), 'utf8')).toContain(exitCodesMarkdown());
  });
});

describe('readFailure', () => {
  it('words an errno the same way for every reader, and keeps the code', () => {
    expect(readFailure(Object.assign(new Error('x'), { code: 'ENOENT' }))).toEqual({ code: 'missing-file', reason: 'no such file' });
    expect(readFailure(Object.assign(new Error('x'), { code: 'EACCES' }))).toEqual({ code: 'io', reason: 'permission denied, EACCES' });
    expect(readFailure(new Error('odd'))).toEqual({ code: 'io', reason: 'odd' });
  });
});

describe('exit codes of the error classes and signals', () => {
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
