// `humanref-vis index <tsv>`: writes the .lineidx of a TSV so later runs need not scan it.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { returningExitCode, type CommandResult } from './command-result.js';
import { UsageError } from '../errors.js';
import { addOptions, option, type OptionValues } from '../options/declare.js';
import { runIndex } from '../runs/index-run.js';

const OPTIONS = [option({ flags: '-o, --output <path>', description: 'where to write the index (default: <tsv>.lineidx)' })] as const;

export function registerIndexCommand(program: Command, result: CommandResult): void {
  const cmd = program
    .command('index')
    .description('write <tsv>.lineidx (one byte offset per line) so the TSV need not be scanned on every run')
    .argument('<tsv>', 'a TSV file (annotations or images)');
  addOptions(cmd, OPTIONS).action(returningExitCode(result, async (tsv: string, opts: OptionValues<typeof OPTIONS>) => {
    if (!existsSync(tsv)) throw new UsageError(`${tsv}: no such file`);
    return runIndex({ tsv, output: opts.output }, { stdout: process.stdout });
  }));
}
