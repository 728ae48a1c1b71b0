// What a command says on the process's stderr before or beside a run: a warning about the data files it opens.
export function warnOnStderr(message: string): void {
  process.stderr.write(`humanref-vis: warning: ${message}\n`);
}
