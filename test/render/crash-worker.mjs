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
  if (task.kind === 'render' && task.sample.imageKey === 'oom-here') {
    // Past the heap bound the pool set (resourceLimits): V8 ends the thread.
    const hoard = [];
    for (;;) hoard.push(new Array(1e6).fill(hoard.length));
  }
  return runTask(task);
}
