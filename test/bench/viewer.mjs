// `node test/bench/viewer.mjs [count]` (after `npm run build`): what the viewer costs. Per sample, the writer's
// time and bytes on top of the picture; for a 45,000-sample index, the write time, the file sizes, and in headless
// chromium the time until the grid is usable, until the reasoning is searchable, and per search.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { ViewerWriter, writeViewer } from '../../dist/viewer/writer.js';
import { findChromium } from '../viewer/chromium.mjs';
import { median } from './measure.mjs';
import { syntheticEntries } from '../viewer/synthetic.mjs';

const count = Number(process.argv[2] ?? 45_000);
const log = (text) => process.stderr.write(`bench viewer: ${text}\n`);
const tmp = await mkdtemp(path.join(os.tmpdir(), 'humanref-bench-viewer-'));
const results = {};

// 1. Per sample, as visualize calls it (one add() per outcome, in order): detail script + photo copy + text line.
{
  const photo = await sharp({ create: { width: 1024, height: 1024, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 85 }).toBuffer();
  const [base] = syntheticEntries(1, { reasoningChars: 2000 });
  const candidates = Array.from({ length: 12 }, (_, i) => ({ person: i + 1, box: [i * 80, 100, i * 80 + 70, 900], verdict: i % 3 ? '❌' : '✅', target: i % 3 === 0 }));
  const mentions = Array.from({ length: 40 }, (_, i) => ({ start: i * 40, end: i * 40 + 8, person: (i % 12) + 1 }));
  const lines = Array.from({ length: 24 }, (_, i) => ({ start: i * 80, end: i * 80 + 70, subjects: [(i % 12) + 1] }));
  const n = 400;
  const dir = path.join(tmp, 'per-sample');
  const writer = await ViewerWriter.open(dir);
  const times = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const name = `main_${String(i).padStart(6, '0')}`;
    const entry = { ...base, name, index: i, file: `${name}.png`, detail: { image: { width: 1024, height: 1024 }, candidates, regionMap: [{ expression: 'x', targets: [1] }], cotTargets: [1], reasoning: base.searchText, mentions, lines }, image: { bytes: photo, format: 'jpeg' } };
    const t = performance.now();
    await writer.add(entry);
    times.push(performance.now() - t);
  }
  const t = performance.now();
  await writer.commit();
  const commitMs = performance.now() - t;
  // add() returns once the files are under way; this is the whole cost, writes drained, spread over the samples.
  const allMs = (performance.now() - start) / n;
  const files = await readdir(path.join(dir, 'viewer-data'));
  const detailBytes = (await Promise.all(files.filter((f) => f.endsWith('.js')).map((f) => stat(path.join(dir, 'viewer-data', f))))).reduce((s, x) => s + x.size, 0) / n;
  results.perSample = { samples: n, medianMs: median(times), meanMs: times.reduce((a, b) => a + b, 0) / n, photoKB: photo.length / 1024, detailKB: detailBytes / 1024, commitMs, allMs };
  log(`per sample: add() returns after median ${results.perSample.medianMs.toFixed(2)} ms, mean ${results.perSample.meanMs.toFixed(2)} ms; ${allMs.toFixed(2)} ms with every write finished (photo ${results.perSample.photoKB.toFixed(0)} KB copied, detail ${results.perSample.detailKB.toFixed(1)} KB)`);
}

// 2. A large index.
{
  const entries = syntheticEntries(count, { reasoningChars: 1500 });
  const dir = path.join(tmp, 'index');
  const t = performance.now();
  await writeViewer(dir, entries);
  const writeMs = performance.now() - t;
  const size = async (f) => (await stat(path.join(dir, f))).size / 1024 / 1024;
  results.index = { entries: count, writeMs, indexMB: await size('viewer-index.js'), textMB: await size('viewer-text.js') };
  log(`${count} entries written in ${writeMs.toFixed(0)} ms: viewer-index.js ${results.index.indexMB.toFixed(1)} MB, viewer-text.js ${results.index.textMB.toFixed(1)} MB`);

  const chromium = findChromium();
  if (!chromium) log("no chromium: browser figures skipped (install Debian's chromium or set CHROMIUM_PATH)");
  else {
    const { chromium: pw } = await import('playwright-core');
    const browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox', '--disable-gpu'] });
    const url = pathToFileURL(path.join(dir, 'index.html')).href;
    const ready = [];
    const text = [];
    const search = [];
    const summary = [];
    const barClick = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(url);
      await page.waitForSelector('#app[data-text="loaded"]', { timeout: 120_000 });
      ready.push(Number(await page.getAttribute('#app', 'data-ready-ms')));
      text.push(Number(await page.getAttribute('#app', 'data-text-ms')));
      // Typing: from the input event to the new count on screen, less the 80 ms the page waits for more keys.
      for (const q of ['zebra', 'giraffe', 'person 7', 'no such words at all']) {
        const ms = await page.evaluate(async (query) => {
          const input = document.getElementById('q');
          const countEl = document.querySelector('[data-count]');
          const before = countEl.textContent;
          const t0 = performance.now();
          input.value = query;
          input.dispatchEvent(new Event('input'));
          await new Promise((resolve) => {
            const obs = new MutationObserver(() => (obs.disconnect(), resolve()));
            obs.observe(countEl, { childList: true, characterData: true, subtree: true });
            setTimeout(() => (obs.disconnect(), resolve()), 5000);
          });
          await new Promise((r) => requestAnimationFrame(() => r()));
          return countEl.textContent === before ? NaN : performance.now() - t0 - 80;
        }, q);
        search.push(ms);
      }
      // The summary panel: its own redraw over every sample (after the search is cleared), and a bar click's whole cost.
      const clearAndSummary = await page.evaluate(() => {
        const input = document.getElementById('q');
        input.value = '';
        input.dispatchEvent(new Event('input'));
        return new Promise((resolve) => setTimeout(() => resolve(Number(document.getElementById('summary').dataset.ms)), 200));
      });
      summary.push(clearAndSummary);
      barClick.push(await page.evaluate(() => {
        const t0 = performance.now();
        document.querySelector('.hist[data-chart="candidates"] .hbar').click();
        return performance.now() - t0;
      }));
      await page.close();
    }
    await browser.close();
    results.browser = { readyMs: median(ready), textLoadedMs: median(text), searchMs: median(search.filter(Number.isFinite)), searchMaxMs: Math.max(...search.filter(Number.isFinite)) };
    results.browser.summaryMs = median(summary);
    results.browser.barClickMs = median(barClick);
    log(`grid usable after ${results.browser.readyMs} ms (median of 3), reasoning searchable after ${results.browser.textLoadedMs} ms; search over ${count}: median ${results.browser.searchMs.toFixed(0)} ms, worst ${results.browser.searchMaxMs.toFixed(0)} ms (after the 80 ms typing pause)`);
    log(`summary panel over ${count}: redraw ${results.browser.summaryMs.toFixed(1)} ms, a bar click (filter, panel and grid) ${results.browser.barClickMs.toFixed(1)} ms (medians of 3)`);
  }
}

console.log(JSON.stringify(results, null, 2));
await rm(tmp, { recursive: true, force: true });
