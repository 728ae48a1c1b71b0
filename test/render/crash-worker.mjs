// A drawing worker that dies on purpose on marked samples (for pool.test.ts), and draws like the real one otherwise.
import runTask from '../../dist/render/worker.js';

export default async function crashOnMarked(task) {
  if (task.kind === 'render' && task.sample.imageKey === 'exit-here') process.exit(3);
  if (task.kind === 'render' && task.sample.imageKey === 'throw-here') {
    // An error outside the task's promise: uncaught, it ends the thread.
    setTimeout(() => {
      throw new Error('boom outside the task');
    });
    return new Promise(() => undefined);
  }
  return runTask(task);
}
