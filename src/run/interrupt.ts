// Ctrl-C and SIGTERM: the first asks the run to stop and write what it has; the second leaves at once, temp files removed.
import { removeLiveTempFiles } from './atomic-write.js';

export interface InterruptWatch {
  /** Aborted with reason 'SIGINT' or 'SIGTERM'. */
  signal: AbortSignal;
  dispose(): void;
}

export function watchInterrupts(stderr: { write(text: string): unknown }): InterruptWatch {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      stderr.write(`\nhumanref-vis: ${name}: finishing the samples in progress and writing the manifest (send it again to stop at once)\n`);
      controller.abort(name);
      return;
    }
    removeLiveTempFiles();
    dispose();
    // Re-raise with the default handler gone: the process ends the way shells expect for this signal.
    process.kill(process.pid, name);
  };
  const dispose = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { signal: controller.signal, dispose };
}
