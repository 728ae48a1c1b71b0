// Ctrl-C and SIGTERM: the first asks the run to stop and write what it has; the second leaves at once, temp files removed.
import { removeLiveTempFiles } from '../fs/atomic-write.js';
import { releaseLocksSync } from '../fs/run-lock.js';
import type { RunIo } from './run-io.js';

export interface InterruptWatch {
  /** Aborted with reason 'SIGINT', 'SIGTERM' or 'EPIPE' (stdout closed by its reader). */
  signal: AbortSignal;
  dispose(): void;
}

/** Signals this close to the first are copies of it, not a second Ctrl-C. */
const SAME_SIGNAL_MS = 250;

export function watchInterrupts(stderr: { write(text: string): unknown }): InterruptWatch {
  const controller = new AbortController();
  // `humanref-vis --json | head -1`: the reader left; stop like an interrupt instead of crashing on EPIPE.
  const onStdoutError = (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    if (!controller.signal.aborted) controller.abort('EPIPE');
  };
  process.stdout.on('error', onStdoutError);
  let firstAt = 0;
  const onSignal = (name: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      stderr.write(`\nhumanref-vis: ${name}: finishing the samples in progress and writing the manifest (send it again to stop at once)\n`);
      firstAt = Date.now();
      controller.abort(name);
      return;
    }
    // timeout(1) and group kills send one signal to the process and again to its process group: both copies arrive
    // together. Only a signal sent after a pause is a second request.
    if (Date.now() - firstAt < SAME_SIGNAL_MS) return;
    removeLiveTempFiles();
    releaseLocksSync();
    dispose();
    // Re-raise with the default handler gone: the process ends the way shells expect for this signal.
    process.kill(process.pid, name);
  };
  const dispose = () => {
    process.stdout.off('error', onStdoutError);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { signal: controller.signal, dispose };
}

/** Runs a command's work on the process's stdout and stderr, with Ctrl-C and SIGTERM watched for its duration. */
export async function withProcessIo(run: (io: RunIo) => Promise<number>): Promise<number> {
  const interrupts = watchInterrupts(process.stderr);
  try {
    return await run({ stdout: process.stdout, stderr: process.stderr, signal: interrupts.signal });
  } finally {
    interrupts.dispose();
  }
}
