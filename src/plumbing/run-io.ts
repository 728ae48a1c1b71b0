// What every command's run writes to and listens on (stdout, stderr, the interrupt signal), and the exit code an interrupt ends with.
import type { ProgressStream } from './progress.js';

export interface RunIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  /** Aborted with reason 'SIGINT' or 'SIGTERM' when the user interrupts. */
  signal?: AbortSignal;
  now?: () => number;
}

/** 128 + signal number, as shells report it; a closed stdout counts as SIGPIPE. */
export function exitCodeForSignal(reason: unknown): number {
  return reason === 'SIGTERM' ? 143 : reason === 'EPIPE' ? 141 : 130;
}
