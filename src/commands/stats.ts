// `humanref-vis stats`: dataset statistics from the annotations alone, as a table or one JSON object.
import type { Command } from 'commander';
import type { CommandResult } from '../cli.js';
import { parseChainOfThought } from '../cot/parse.js';
import { locateSplits, openOne } from '../plumbing/open-splits.js';
import { watchInterrupts } from '../plumbing/interrupt.js';
import { parseConcurrency } from '../options/concurrency.js';
import { collectStats } from '../runs/stats-run.js';
import { formatStatsTable } from '../runs/stats-table.js';
import { exitCodeForSignal } from '../plumbing/run-io.js';
import { addDatasetOptions, selectionFromOptions, type DatasetOptionValues } from '../options/dataset-options.js';

interface StatsOptionValues extends DatasetOptionValues {
  json?: boolean;
  quiet?: boolean;
  concurrency?: string;
}

const EXAMPLES = `
Examples:
  humanref-vis stats --data-dir data/HumanRef-CoT-45k
  humanref-vis stats --split rejection --json | jq .total.rejectionShare
`;

export function registerStatsCommand(program: Command, result: CommandResult): void {
  const cmd = program.command('stats').description('samples, candidates and targets per sample, verdicts, rejections, inconsistencies, reasoning length');
  addDatasetOptions(cmd, { allowAll: true })
    .option('--json', 'print one JSON object instead of the table')
    .option('--quiet', 'no progress line')
    .option('--concurrency <n>', 'annotations read at once (default 16)')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: StatsOptionValues) => {
      const concurrency = parseConcurrency(opts.concurrency, 16);
      const splits = locateSplits(selectionFromOptions(opts), process.stderr);
      const interrupts = watchInterrupts(process.stderr);
      try {
        const report = await collectStats(
          { splits, openSource: openOne((m) => process.stderr.write(`humanref-vis: warning: ${m}\n`)), parseCot: parseChainOfThought },
          { concurrency, quiet: Boolean(opts.quiet) },
          { stdout: process.stdout, stderr: process.stderr, signal: interrupts.signal },
        );
        process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatStatsTable(report));
        for (const message of report.errors.slice(0, 20)) process.stderr.write(`humanref-vis: ${message}\n`);
        if (report.errors.length > 20) process.stderr.write(`humanref-vis: ... and ${report.errors.length - 20} more unreadable samples\n`);
        result.exitCode = interrupts.signal.aborted ? exitCodeForSignal(interrupts.signal.reason) : report.errors.length > 0 ? 1 : 0;
      } finally {
        interrupts.dispose();
      }
    });
}
