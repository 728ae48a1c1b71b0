/// <reference lib="dom" />
// The header's provenance: what each run that wrote into this folder recorded (seed, command line, version ...).
import { el } from './dom.js';

export function renderRuns(box: HTMLElement, runs: Record<string, unknown>[]): void {
  if (!runs.some((run) => Object.keys(run).length > 0)) {
    box.hidden = true;
    return;
  }
  box.append(el('summary', undefined, runs.length === 1 ? 'This run' : `${runs.length} runs wrote into this folder`));
  runs.forEach((run, n) => {
    const dl = el('dl');
    if (runs.length > 1) dl.append(el('dt', 'run-no', `run ${n + 1}`));
    for (const [k, v] of Object.entries(run)) dl.append(el('dt', undefined, k), el('dd', undefined, typeof v === 'string' ? v : JSON.stringify(v)));
    box.append(dl);
  });
}
