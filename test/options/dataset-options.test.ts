// --help is the reference a user reads: the data options, the default folders and --indices say what the code does.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { DEFAULT_DIRS } from '../../src/dataset/nearby.js';

const program = buildProgram({ exitCode: 0 });
const help = (name: string) => {
  const cmd = program.commands.find((c) => c.name() === name)!;
  // commander wraps help at the terminal width: joined back into one line per option for matching.
  return cmd.helpInformation({ error: false }).replace(/\n\s+/g, ' ');
};

describe('--help', () => {
  it.each(['visualize', 'validate', 'stats', 'inspect', 'eval'])("%s --help names every default place of the dataset", (name) => {
    const text = help(name);
    expect(DEFAULT_DIRS).toContain('data/IDEA-Research/HumanRef-CoT-45k');
    expect(text).toContain(`default: the first of ${DEFAULT_DIRS.map((d) => `${d}/`).join(', ')} that exists, else the bundled sample`);
  });

  it("eval's examples write where its default does (vis-eval/), never a folder of another name", () => {
    const cmd = program.commands.find((c) => c.name() === 'eval')!;
    const outputs = cmd.options.find((o) => o.long === '--output-dir')!;
    expect(outputs.defaultValue).toBe('vis-eval/');
    let text = '';
    cmd.configureOutput({ writeOut: (s) => (text += s), writeErr: () => undefined });
    cmd.outputHelp();
    expect(text).not.toContain('eval-vis');
    expect(text).toContain('--output_dir vis-eval');
  });

  it('visualize --help documents split-qualified --indices', () => {
    expect(help('visualize')).toMatch(/--indices <list>\s+0-based sample indices: 0,5,10-20 takes them in every split; main:3, rejection:10-20 or main_000003 \(a file name\) in that split only/);
  });
});
