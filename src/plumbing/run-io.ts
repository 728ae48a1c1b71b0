// What every command's run writes to and listens on: stdout, stderr, the interrupt signal (its exit code: errors.ts).
import type { ProgressStream } from './progress.js';

export interface RunIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressStream;
  /** Aborted with reason 'SIGINT' or 'SIGTERM' when the user interrupts. */
  signal?: AbortSignal;
  now?: () => number;
}

