// The argv rewriting that lets the original script's `--num_vis` spelling through, and the program's command table.
import { describe, expect, it } from 'vitest';
import { buildProgram, normaliseArgv } from '../src/cli.js';

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
