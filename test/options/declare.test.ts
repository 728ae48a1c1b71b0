// Options declared as data and handed to commander: choices, defaults and hidden spellings as declared.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addOptions, option } from '../../src/options/declare.js';

const DECLS = [
  option({ flags: '--format <f>', description: 'picture format', choices: ['png', 'jpeg'], default: 'png' }),
  option({ flags: '--num-vis <n>', description: 'how many' }),
  option({ flags: '--no-pictures', description: 'numbers only' }),
  option({ flags: '--output_dir <path>', description: 'upstream spelling', hidden: true }),
] as const;

function parse(args: string[]) {
  const cmd = addOptions(new Command('t').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} }), DECLS);
  cmd.parse(args, { from: 'user' });
  return cmd;
}

describe('addOptions', () => {
  it('gives defaults and --no- flags their values when absent, and camelCase keys', () => {
    expect(parse([]).opts()).toEqual({ format: 'png', pictures: true });
    expect(parse(['--num-vis', '5', '--no-pictures', '--format', 'jpeg']).opts()).toEqual({ format: 'jpeg', numVis: '5', pictures: false });
  });

  it('refuses a value outside the choices', () => {
    expect(() => parse(['--format', 'gif'])).toThrow(/Allowed choices are png, jpeg/);
  });

  it('leaves a hidden option out of --help but still accepts it', () => {
    const cmd = parse(['--output_dir', 'x']);
    expect(cmd.opts().output_dir).toBe('x');
    expect(cmd.helpInformation()).not.toContain('--output_dir');
    expect(cmd.helpInformation()).toContain('--num-vis <n>');
  });
});
