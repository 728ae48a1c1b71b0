// The exit codes: one table (errors.ts) that every --help and docs/exit-codes.md are made from, so they cannot disagree.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli.js';
import { EXIT, EXIT_CODES, exitCodesHelp, exitCodesMarkdown, readFailure, type ExitCommand } from '../src/errors.js';

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
