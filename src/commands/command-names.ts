// A mistyped command (`valdate`, `visualise`) would reach the default command as a stray argument ("too many
// arguments for 'visualize'"): found before parsing and said as what it is, with the command meant.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { closestName } from '../options/option-names.js';

/** Does this long or short option of `cmd` (or of the program) take a value, so the next argument is not a command? */
function takesValue(program: Command, flag: string): boolean {
  for (const cmd of [program, ...program.commands]) {
    const option = cmd.options.find((o) => o.long === flag || o.short === flag);
    if (option) return option.required || option.optional;
  }
  return false;
}

/**
 * Throws a UsageError when the first word that is neither an option nor an option's value is not a command:
 * the default command takes no arguments, so that word can only be a mistyped command.
 */
export function checkCommandName(program: Command, args: readonly string[]): void {
  // `help` is commander's own command (`humanref-vis help validate`).
  const names = [...program.commands.flatMap((c) => [c.name(), ...c.aliases()]), 'help'];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return;
    if (arg.startsWith('-') && arg !== '-') {
      if (!arg.includes('=') && takesValue(program, arg)) i++;
      continue;
    }
    if (names.includes(arg)) {
      // commander takes a command only as the first argument; after an option it is a stray argument of the default command.
      if (i > 0) throw new UsageError(`'${arg}' is a command, and the command comes first: humanref-vis ${[arg, ...args.slice(0, i), ...args.slice(i + 1)].join(' ')}`);
      return;
    }
    const meant = closestName(arg, names);
    throw new UsageError(
      `unknown command '${arg}'${meant ? `; did you mean '${meant}'?` : ''} (commands: ${program.commands.map((c) => c.name()).join(', ')}; without one, visualize runs and takes no arguments)`,
    );
  }
}
