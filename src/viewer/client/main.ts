/// <reference lib="dom" />
// The page's script (bundled into index.html at build time): reads the index, then starts the app (app.ts) on it.
import { App } from './app.js';
import { byId, el } from './dom.js';
import { readIndex } from './index-data.js';
import { renderRuns } from './runs.js';

function main(): void {
  const root = byId('app');
  const index = readIndex();
  if (!index) {
    root.replaceChildren(el('p', 'fatal', 'viewer-index.js did not load: keep index.html, viewer-index.js, viewer-text.js and viewer-data/ together in one folder.'));
    return;
  }
  document.title = index.title;
  byId('title').textContent = index.title;
  renderRuns(byId('runs'), index.runs);
  const app = new App(root, index);
  app.start();
  root.dataset.ready = '1';
  // For the benchmark: milliseconds from navigation start to a usable grid, and to searchable reasoning.
  root.dataset.readyMs = String(Math.round(performance.now()));
  app.loadText();
}

main();
