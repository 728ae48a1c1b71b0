// Options declared once, as data: each command lists its declarations, `addOptions` hands them to commander, and
// `OptionValues` derives the type of what commander passes to the action from the same list (so they cannot drift).
import { Option, type Command } from 'commander';

export interface OptionDecl {
  /** commander's flags, e.g. `--num-vis <n>` or `-o, --output <path>`; the value's key is the long name in camelCase. */
  readonly flags: string;
  readonly description: string;
  /** Handed to the action when the option is absent (commander shows it in --help only if the description does). */
  readonly default?: string;
  readonly choices?: readonly string[];
  /** Accepted but left out of --help (another spelling of a shown option, e.g. upstream's). */
  readonly hidden?: boolean;
}

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;
type Flag<F extends string> = F extends `${string}--${infer Rest}` ? (Rest extends `${infer Name} <${string}` ? Name : Rest) : never;
// commander stores `--no-x` under `x` (true unless the flag is given).
type LongName<F extends string> = Flag<F> extends `no-${infer Name}` ? Name : Flag<F>;
type ValueOf<D extends OptionDecl> = D extends { choices: readonly (infer C)[] }
  ? C
  : D['flags'] extends `${string}...>`
    ? string[]
    : D['flags'] extends `${string}<${string}`
      ? string
      : boolean;
type IsSet<D extends OptionDecl> = D extends { default: string } ? true : Flag<D['flags']> extends `no-${string}` ? true : false;

/** What commander hands the action for these declarations: camelCase keys; absent unless the option has a default. */
export type OptionValues<L extends readonly OptionDecl[]> = {
  [D in L[number] as IsSet<D> extends true ? Camel<LongName<D['flags']>> : never]: ValueOf<D>;
} & {
  [D in L[number] as IsSet<D> extends true ? never : Camel<LongName<D['flags']>>]?: ValueOf<D>;
};

export function addOptions(cmd: Command, decls: readonly OptionDecl[]): Command {
  for (const decl of decls) {
    const option = new Option(decl.flags, decl.description);
    if (decl.choices) option.choices(decl.choices);
    if (decl.default !== undefined) option.default(decl.default);
    if (decl.hidden) option.hideHelp();
    cmd.addOption(option);
  }
  return cmd;
}

/** Declares an option; `as const` keeps its flags literal so OptionValues can name it. */
export function option<const D extends OptionDecl>(decl: D): D {
  return decl;
}

// The options several commands share: one flag each; the description says what it means for that command.
export const jsonOption = <const T extends string>(description: T) => option({ flags: '--json', description });
export const quietOption = <const T extends string>(description: T) => option({ flags: '--quiet', description });
export const strictOption = <const T extends string>(description: T) => option({ flags: '--strict', description });
/** Parsed by parseConcurrency in the action, with the command's default (reads: 16 at once; renders: one per core). */
export const concurrencyOption = <const T extends string>(description: T) => option({ flags: '--concurrency <n>', description });
