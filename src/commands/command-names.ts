// A mistyped command (`valdate`, `visualise`) would reach the default command as a stray argument ("too many
// arguments for 'visualize'"): found before parsing and said as what it is, with the command meant.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

/** Edit distance with adjacent swaps (Damerau–Levenshtein, optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The command a typo most likely meant: within two edits (one for short words), or a prefix of it. */
export function suggestCommand(word: string, names: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = name.startsWith(w) && w.length >= 3 ? 0.5 : editDistance(w, name);
    if (distance <= (w.length <= 4 ? 1 : 2) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

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
    if (names.includes(arg)) return;
    const meant = suggestCommand(arg, names);
    throw new UsageError(
      `unknown command '${arg}'${meant ? `; did you mean '${meant}'?` : ''} (commands: ${program.commands.map((c) => c.name()).join(', ')}; without one, visualize runs and takes no arguments)`,
    );
  }
}
