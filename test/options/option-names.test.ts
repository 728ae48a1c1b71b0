// Mistyped options are named as typed, with the option meant, instead of their value reading as a command.
import { describe, expect, it } from 'vitest';
import { buildProgram, normaliseArgv } from '../../src/cli.js';
import { checkCommandName } from '../../src/commands/command-names.js';
import { closestName, checkOptionNames } from '../../src/options/option-names.js';
import { cli, tempDirForFile } from '../cli.js';

const program = buildProgram({ exitCode: 0 });
const check = (...typed: string[]) => () => {
  const args = normaliseArgv(typed);
  checkOptionNames(program, typed, args);
  checkCommandName(program, args);
};

describe('checkOptionNames', () => {
  it.each([
    [['--num-vsi', '3'], "unknown option '--num-vsi' for visualize; did you mean '--num-vis'?"],
    [['--outputdir', 'vis2'], "unknown option '--outputdir' for visualize; did you mean '--output-dir'?"],
    [['--num_vsi', '3'], "unknown option '--num_vsi' for visualize; did you mean '--num_vis'?"],
    [['validate', '--num_vis', '3'], "unknown option '--num_vis' for validate; '--num_vis' is an option of visualize, eval and export, not of validate"],
    [['eval', '--gt_pth', 'x'], "unknown option '--gt_pth' for eval; did you mean '--gt_path'?"],
    [['inspect', '0', '--jsn'], "unknown option '--jsn' for inspect; did you mean '--json'?"],
    [['--num-vsi=3'], "unknown option '--num-vsi' for visualize; did you mean '--num-vis'?"],
  ])('%j', (typed, message) => {
    expect(check(...typed)).toThrow(message);
  });

  it('passes the options a command has, an option value that looks like an option, --help and --version', () => {
    for (const typed of [['--num_vis', '3', '--output_dir', 'x'], ['validate', '--help'], ['--version'], ['--filter', '--x'], ['eval', '--no-pictures', '--pred', 'a', 'b'], ['index', 'x.tsv', '-o', 'y']]) {
      expect(check(...typed)).not.toThrow();
    }
  });

  it('a command after an option is said to come first (commander would hand it to the default command)', () => {
    expect(check('--quiet', 'inspect', '0')).toThrow("'inspect' is a command, and the command comes first: humanref-vis inspect --quiet 0");
  });

  it('closestName: a swap, a missing letter or a prefix; nothing when too far', () => {
    expect(closestName('num-vsi', ['num-vis', 'seed'])).toBe('num-vis');
    expect(closestName('outputdir', ['output-dir'])).toBe('output-dir');
    expect(closestName('valid', ['validate'])).toBe('validate');
    expect(closestName('frobnicate', ['num-vis', 'seed'])).toBeUndefined();
  });
});

const tmp = tempDirForFile('option-names');

describe('the CLI', () => {
  it('`--num-vsi 3`: exit 2 naming --num-vsi, not "unknown command \'3\'"', async () => {
    const r = await cli(['--num-vsi', '3'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("humanref-vis: unknown option '--num-vsi' for visualize; did you mean '--num-vis'? (see humanref-vis visualize --help)\n");
  });
});
