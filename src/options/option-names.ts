// A mistyped option (`--num-vsi 3`, `--outputdir vis2`) is said to be one, in the spelling typed, with the option
// meant; left to commander, its value would read as a command ("unknown command '3'") and an upstream spelling
// would come back rewritten ("unknown option '--num-vis'" for `--num_vis`).
import type { Command, Option } from 'commander';
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

/** The name a typo most likely meant: within two edits (one for short words), or one it is the start of. */
export function closestName(word: string, names: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = name.startsWith(w) && w.length >= 3 ? 0.5 : editDistance(w, name);
    if (distance <= (w.length <= 4 ? 1 : 2) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** The command commander runs: the first argument when it names one, else the default command. */
function commandFor(program: Command, args: readonly string[]): Command {
  const first = args[0];
  const named = first === undefined ? undefined : program.commands.find((c) => c.name() === first || c.aliases().includes(first));
  // commander keeps the default command's name in a field it does not document; without one, the program itself.
  const defaultName = (program as unknown as { _defaultCommandName?: string })._defaultCommandName;
  return named ?? program.commands.find((c) => c.name() === defaultName) ?? program;
}

/** Long option names without the dashes; hidden ones are upstream's spellings, worth suggesting too. */
const longNames = (options: readonly Option[]) => options.filter((o) => o.long).map((o) => o.long!.slice(2));

/**
 * Throws a UsageError for the first long option that the command being run does not have. `typed` is argv as
 * given, `args` the same after normaliseArgv (underscores to hyphens), so the message shows what was typed.
 */
export function checkOptionNames(program: Command, typed: readonly string[], args: readonly string[]): void {
  const cmd = commandFor(program, args);
  // --help and --version are answered by commander wherever they stand.
  const own = new Set(['help', 'version', ...longNames(cmd.options), ...longNames(program.options)]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return;
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=')[0];
    if (own.has(name)) {
      const option = cmd.options.find((o) => o.long === `--${name}`);
      // A value that starts with '--' (`--filter --x`) is the option's, not another option.
      if (option && (option.required || option.optional) && !arg.includes('=')) i++;
      continue;
    }
    throw new UsageError(unknownOptionMessage(program, cmd, typed[i].split('=')[0], name));
  }
}

function unknownOptionMessage(program: Command, cmd: Command, typed: string, name: string): string {
  const underscores = typed.includes('_');
  const spell = (n: string) => `--${underscores ? n.replaceAll('-', '_') : n}`;
  const where = cmd === program ? '' : ` for ${cmd.name()}`;
  const meant = closestName(name, longNames(cmd.options));
  const elsewhere = program.commands.filter((c) => c !== cmd && longNames(c.options).includes(name)).map((c) => c.name());
  const parts = [`unknown option '${typed}'${where}`];
  if (meant) parts.push(`did you mean '${spell(meant)}'?`);
  if (elsewhere.length) parts.push(`'${typed}' is an option of ${elsewhere.length > 1 ? `${elsewhere.slice(0, -1).join(', ')} and ${elsewhere[elsewhere.length - 1]}` : elsewhere[0]}, not of ${cmd.name()}`);
  return `${parts.join('; ')} (see humanref-vis ${cmd === program ? '' : `${cmd.name()} `}--help)`;
}
