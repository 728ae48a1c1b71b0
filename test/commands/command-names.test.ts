// A word where a command would stand is either a command in first place, or a mistyped one named as such.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { checkCommandName } from '../../src/commands/command-names.js';
import { UsageError } from '../../src/errors.js';

function program(): Command {
  const p = new Command('humanref-vis').option('--num-vis <n>').option('--fast');
  p.command('visualize', { isDefault: true });
  p.command('validate').option('-o, --out <path>');
  p.command('stats');
  return p;
}

const message = (args: string[]) => {
  try {
    checkCommandName(program(), args);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
};

describe('checkCommandName', () => {
  it('accepts a command in first place, help, options alone, and anything after --', () => {
    for (const args of [['validate', '--fast'], ['help', 'stats'], ['--num-vis', '5', '--fast'], [], ['--', 'frobnicate']]) expect(message(args), args.join(' ')).toBeNull();
  });

  it("skips an option's value, even one that looks like a command, but not a flag's neighbour", () => {
    expect(message(['--num-vis', 'stats'])).toBeNull();
    expect(message(['validate', '-o', 'stats'])).toBeNull();
    expect(message(['--num-vis=5', 'stats'])).toMatch(/^'stats' is a command, and the command comes first: humanref-vis stats --num-vis=5$/);
  });

  it('names the closest command for a typo, and lists the commands when none is close', () => {
    expect(message(['valdate'])).toBe("unknown command 'valdate'; did you mean 'validate'? (commands: visualize, validate, stats; without one, visualize runs and takes no arguments)");
    expect(message(['--fast', 'frobnicate'])).toMatch(/^unknown command 'frobnicate' \(commands: visualize, validate, stats;/);
  });

  it('moves a command typed after options to the front in its suggestion', () => {
    expect(message(['--fast', 'validate', '-o', 'x'])).toBe("'validate' is a command, and the command comes first: humanref-vis validate --fast -o x");
  });
});
