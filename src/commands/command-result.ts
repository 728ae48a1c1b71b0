// The one road from a command to the exit code: its action returns the code of a finished run, and anything it
// cannot finish is thrown (errors.ts gives each kind its code; cli.ts maps them and is alone in setting process.exitCode).

/** Where the code of the command that ran is kept for cli.ts. */
export interface CommandResult {
  exitCode: number;
}

/** A commander action that returns its exit code, storing it in `result`. */
export function returningExitCode<A extends unknown[]>(result: CommandResult, action: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    result.exitCode = await action(...args);
  };
}

/** What cli.ts was started with, for run.json: the arguments after the program's name, as typed, and the folder. */
export interface Invocation {
  args: readonly string[];
  cwd: string;
}
