// The one file that reads process.argv and sets the process's exit code.
import { Command, CommanderError } from 'commander';
import { DataError, EXIT, InternalError, OutputError, UsageError, oneLine } from './errors.js';
import type { CommandResult, Invocation } from './commands/command-result.js';
import { registerIndexCommand } from './commands/index-cmd.js';
import { registerInspectCommand } from './commands/inspect.js';
import { registerVisualizeCommand } from './commands/visualize.js';
import { registerValidateCommand } from './commands/validate.js';
import { registerStatsCommand } from './commands/stats.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerExportCommand } from './commands/export.js';
import { toolInfo } from './version.js';
import { checkCommandName } from './commands/command-names.js';
import { checkOptionNames } from './options/option-names.js';

/**
 * The original script spells options with underscores (`--num_vis`); we declare kebab-case and accept both.
 * Only long options before a bare `--` are rewritten, and only their name, never their value.
 */
export function normaliseArgv(args: string[]): string[] {
  const out: string[] = [];
  let passthrough = false;
  for (const arg of args) {
    if (passthrough || !arg.startsWith('--')) {
      out.push(arg);
      continue;
    }
    if (arg === '--') {
      passthrough = true;
      out.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const rest = eq === -1 ? '' : arg.slice(eq);
    out.push('--' + name.slice(2).replaceAll('_', '-') + rest);
  }
  return out;
}

/** `invocation`: what run.json records of the command line (main passes the process's). */
export function buildProgram(result: CommandResult, invocation: Invocation = { args: [], cwd: process.cwd() }): Command {
  const program = new Command('humanref-vis');
  program
    .description('Render HumanRef-CoT samples: boxes labelled as the reasoning names them, ✅ ❌ ⚠️ in colour.')
    .version(toolInfo().version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  registerVisualizeCommand(program, result, invocation);
  registerIndexCommand(program, result);
  registerInspectCommand(program, result);
  registerValidateCommand(program, result);
  registerStatsCommand(program, result);
  registerEvalCommand(program, result, invocation);
  registerExportCommand(program, result, invocation);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `humanref-vis --help | head`: a reader that leaves early ends the output, not in a stack trace (runs watch for it themselves).
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exitCode = EXIT.sigpipe;
  });
  const code = await runCommandLine(argv.slice(2));
  // Let stdout drain (NDJSON may be piped) before exiting.
  process.exitCode = process.exitCode === EXIT.sigpipe ? EXIT.sigpipe : code;
}

/**
 * One command line (the user's arguments, without `node` and the script): parsed, run, its errors said on stderr.
 * Returns the exit code and leaves the process alone (main sets it); tests run command lines in their own process this way.
 */
export async function runCommandLine(args: string[]): Promise<number> {
  const result: CommandResult = { exitCode: EXIT.ok };
  const program = buildProgram(result, { args, cwd: process.cwd() });
  try {
    const normalised = normaliseArgv(args);
    checkOptionNames(program, args, normalised);
    checkCommandName(program, normalised);
    await program.parseAsync(normalised, { from: 'user' });
  } catch (error) {
    result.exitCode = exitCodeFor(error);
  }
  return result.exitCode;
}

/** Says what went wrong on stderr and returns the code the error's class carries (errors.ts). */
function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version end through exitOverride with code 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  // A path or value the user typed may hold a line break; the message stays one line.
  if (error instanceof UsageError) {
    process.stderr.write(`humanref-vis: ${oneLine(error.message)}\n`);
    return error.exitCode;
  }
  if (error instanceof DataError || error instanceof OutputError) {
    process.stderr.write(`humanref-vis: ${error.message}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const kind = error instanceof InternalError ? 'internal error' : 'unexpected error';
  process.stderr.write(`humanref-vis: ${kind} (a bug; please report it with this text):\n${detail}\n`);
  return error instanceof InternalError ? error.exitCode : EXIT.internal;
}
