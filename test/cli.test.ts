// The argv rewriting that lets the original script's `--num_vis` spelling through, the program's command table, and one
// command line run to its exit code.
import { describe, expect, it } from 'vitest';
import { buildProgram, normaliseArgv } from '../src/cli.js';
import { cliInProcess, ROOT } from './cli.js';

describe('normaliseArgv', () => {
  it('turns underscores into dashes in long option names only, never in their values', () => {
    expect(normaliseArgv(['--num_vis', '5', '--output_dir=my_out', '--ann_tsv', 'a_b.tsv'])).toEqual(['--num-vis', '5', '--output-dir=my_out', '--ann-tsv', 'a_b.tsv']);
  });

  it('leaves short options, plain words and everything after a bare -- as typed', () => {
    expect(normaliseArgv(['-o', 'x_y', 'inspect', '--', '--num_vis'])).toEqual(['-o', 'x_y', 'inspect', '--', '--num_vis']);
  });
});

describe('buildProgram', () => {
  it('registers every command once, visualize among them as the default', () => {
    const program = buildProgram({ exitCode: 0 });
    const names = program.commands.map((c) => c.name());
    expect([...names].sort()).toEqual(['eval', 'export', 'index', 'inspect', 'stats', 'validate', 'visualize']);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('runCommandLine', () => {
  it('returns the exit code and says the error on stderr, leaving the process exit code to main', async () => {
    const before = process.exitCode;
    const usage = await cliInProcess(['validate', '--no-such-option'], { cwd: ROOT });
    expect(usage).toEqual({ code: 2, signal: null, stdout: '', stderr: "humanref-vis: unknown option '--no-such-option' for validate (see humanref-vis validate --help)\n" });
    const ok = await cliInProcess(['--version'], { cwd: ROOT });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(process.exitCode).toBe(before);
  });
});
