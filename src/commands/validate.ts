// `humanref-vis validate`: checks every sample without rendering; exit 1 when any is broken (or has findings with --strict).
import type { Command } from 'commander';
import type { CommandResult } from '../cli.js';
import { parseChainOfThought } from '../cot/parse.js';
import { readImageHeader } from '../dataset/image-header.js';
import { locateSplits, openOne } from '../plumbing/open-splits.js';
import { watchInterrupts } from '../plumbing/interrupt.js';
import { parseConcurrency } from '../options/concurrency.js';
import { runValidate } from '../runs/validate-run.js';
import { addDatasetOptions, selectionFromOptions, type DatasetOptionValues } from '../options/dataset-options.js';

interface ValidateOptionValues extends DatasetOptionValues {
  json?: boolean;
  strict?: boolean;
  quiet?: boolean;
  concurrency?: string;
}

const EXAMPLES = `
Examples:
  humanref-vis validate --data-dir data/HumanRef-CoT-45k            both splits
  humanref-vis validate --ann_tsv x.annotations.tsv --img_tsv x.images.tsv --strict
  humanref-vis validate --json | jq 'select(.level == "error")'

Broken samples (unreadable line, malformed JSON or types, undecodable image header) are errors: exit 1.
Findings (boxes past the border, zero-size boxes, no boxes, persons without a box, text/label disagreement)
are warnings: exit 0, or 1 with --strict. One line per problem: file, sample index, byte offset.
`;

export function registerValidateCommand(program: Command, result: CommandResult): void {
  const cmd = program.command('validate').description('check every sample of the split(s) without rendering');
  addDatasetOptions(cmd, { allowAll: true })
    .option('--json', 'one JSON object per problem on stdout (NDJSON)')
    .option('--strict', 'exit 1 on findings too, not only on broken samples')
    .option('--quiet', 'no progress line and no summary unless something is broken')
    .option('--concurrency <n>', 'samples read at once (default 16)')
    .addHelpText('after', EXAMPLES)
    .action(async (opts: ValidateOptionValues) => {
      const concurrency = parseConcurrency(opts.concurrency, 16);
      const splits = locateSplits(selectionFromOptions(opts), process.stderr);
      const interrupts = watchInterrupts(process.stderr);
      try {
        result.exitCode = await runValidate(
          { json: Boolean(opts.json), strict: Boolean(opts.strict), quiet: Boolean(opts.quiet), concurrency },
          { splits, openSource: openOne((m) => process.stderr.write(`humanref-vis: warning: ${m}\n`)), parseCot: parseChainOfThought, readImageHeader },
          { stdout: process.stdout, stderr: process.stderr, signal: interrupts.signal },
        );
      } finally {
        interrupts.dispose();
      }
    });
}
