// `npm run bench`: builds a photo-like dataset in a temp folder, runs the built CLI as child processes and
// prints ms/image, the decode+encode floor, peak RSS, time to first image, small vs >4 GB TSV, scaling with
// drawing threads (--workers 0, 1, ... cores), CPU per stage, and the 45k extrapolation for 2, 8 and 16 cores.
// Then eval (test/bench/eval.mjs): pictures/s on 6,000 samples with two models, peak RSS at 6k and 1M prediction lines.
// Flags: --quick (smaller runs; eval's large case 100k lines), --keep (keep the temp folder), --save (also write
// test/bench/last-results.json), --before <path to another build's dist/cli.js>: its typical runs alternate with
// ours, for a before/after table; --no-eval, --eval-lines N (0: no large case), --eval-data DIR (eval's generated
// inputs kept there and reused: the 1M case writes ~5.3 GB).
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBenchDataset } from './dataset.mjs';
import { median, pngSize, runCli, runNode } from './measure.mjs';
import { printReport, checkTargets } from './report.mjs';

const argv = process.argv.slice(2);
const flags = new Set(argv);
const beforeCli = argv.includes('--before') ? path.resolve(argv[argv.indexOf('--before') + 1]) : undefined;
const quick = flags.has('--quick');
const here = path.dirname(fileURLToPath(import.meta.url));
const cores = os.availableParallelism();
const plan = quick
  ? { samples: 300, typical: 100, repeats: 2, big: 300, sweep: 40, pair: 2 }
  : { samples: 1000, typical: 200, repeats: 3, big: 1000, sweep: 60, pair: 2 };
const FULL_DATASET = 45_000;
const SPARSE_BASE = 4.3e9;

const log = (text) => process.stderr.write(`bench: ${text}\n`);
const tmp = await mkdtemp(path.join(os.tmpdir(), 'humanref-bench-'));
const load = [os.loadavg()[0]];
const t0 = performance.now();

log(`temp folder ${tmp}; generating ${plan.samples} samples (+ 50 in a small and in a sparse >4 GB images TSV)`);
const main = await makeBenchDataset(path.join(tmp, 'main'), { samples: plan.samples });
const small = await makeBenchDataset(path.join(tmp, 'small'), { samples: 50 });
const sparse = await makeBenchDataset(path.join(tmp, 'sparse'), { samples: 50, imageBase: SPARSE_BASE });
const jpegDir = path.join(tmp, 'jpeg');
await mkdir(jpegDir);
const jpegFiles = await Promise.all(
  main.images.map(async (jpeg, i) => {
    const file = path.join(jpegDir, `${i}.jpg`);
    await writeFile(file, jpeg);
    return file;
  }),
);
const generateMs = performance.now() - t0;

const dataArgs = (d) => ['--img-tsv', d.imgTsv, '--ann-tsv', d.annTsv, '--ann-lineidx', d.annLineidx, '--format', 'png'];
const out = path.join(tmp, 'out');
const rssFile = path.join(tmp, 'rss');
const cli = (d, extra, other) => runCli([...dataArgs(d), ...extra], { outDir: out, rssFile, cli: other });

// 1 and 2. A typical run, several times (ms per image in steady state, time to first image, peak RSS), each
// followed by the floor: decode the same JPEGs and encode pictures of the same sizes with the same settings and
// concurrency, nothing drawn. Alternating them lets both see the same load when other work shares the machine.
const typicalRuns = [];
const beforeRuns = [];
const floorRuns = [];
const jobsFile = path.join(tmp, 'floor-jobs.json');
for (let i = 0; i < plan.repeats; i++) {
  log(`typical run ${i + 1}/${plan.repeats}: --num-vis ${plan.typical}, default concurrency (${cores}); then the floor`);
  typicalRuns.push(await cli(main, ['--num-vis', String(plan.typical)]));
  if (beforeCli) {
    log(`  the same with ${beforeCli}`);
    beforeRuns.push(await cli(main, ['--num-vis', String(plan.typical)], beforeCli));
  }
  if (i === 0) {
    // The floor needs the sizes of the pictures this run produced.
    const produced = (await readdir(out)).filter((f) => f.endsWith('.png')).sort();
    const items = await Promise.all(
      produced.map(async (name) => ({ name, image: Number(/_(\d+)\.png$/.exec(name)[1]) % main.images.length, ...(await pngSize(path.join(out, name))) })),
    );
    await writeFile(jobsFile, JSON.stringify({ images: jpegFiles, items, format: 'png', fast: false }));
  }
  const result = path.join(tmp, `floor-${i}.json`);
  await runNode(path.join(here, 'floor.mjs'), [jobsFile, path.join(tmp, 'floor-out'), String(cores), result]);
  floorRuns.push(JSON.parse(await readFile(result, 'utf8')));
  await rm(path.join(tmp, 'floor-out'), { recursive: true, force: true });
}

// 3. --fast, once, to show what the cheaper PNG level trades.
log(`--fast run: --num-vis ${plan.sweep}`);
const fastRun = await cli(main, ['--num-vis', String(plan.sweep), '--fast']);

// 4. Peak RSS for a small and a large count.
log('peak RSS: --num-vis 50');
const rss50 = await cli(main, ['--num-vis', '50']);
log(`peak RSS: --num-vis ${plan.big} (also a long throughput run)`);
const rssBig = await cli(main, ['--num-vis', String(plan.big)]);

// 5. The same 50 samples from a small images TSV and from a sparse one whose lines start beyond 4 GB.
const pairs = { small: [], sparse: [] };
for (let i = 0; i < plan.pair; i++) {
  log(`small vs sparse (>4 GB offsets) images TSV, round ${i + 1}/${plan.pair}`);
  pairs.small.push(await cli(small, ['--num-vis', 'all']));
  pairs.sparse.push(await cli(sparse, ['--num-vis', 'all']));
}

// 6. Throughput with 0 (drawing on the main thread), 1, 2, ... drawing threads up to the cores (the typical runs are
// the default, --workers = cores); each run's peak RSS gives the memory a thread adds.
const levels = [0, 1];
for (let w = 2; w < cores; w *= 2) levels.push(w);
if (cores > 1) levels.push(cores);
const sweep = [];
for (const w of levels) {
  if (w === cores) {
    const r = typicalRuns;
    sweep.push({ workers: w, msPerImage: median(r.map((x) => x.msPerImage)), cpuMsPerImage: median(r.map((x) => x.cpuMsPerImage)), mainMsPerImage: median(r.map((x) => x.mainMsPerImage)), peakRss: median(r.map((x) => x.peakRss)), from: `typical runs (--num-vis ${plan.typical})` });
    continue;
  }
  log(`--workers ${w}: --num-vis ${plan.sweep}`);
  const r = await cli(main, ['--num-vis', String(plan.sweep), '--workers', String(w)]);
  sweep.push({ workers: w, msPerImage: r.msPerImage, cpuMsPerImage: r.cpuMsPerImage, mainMsPerImage: r.mainMsPerImage, peakRss: r.peakRss, from: `--num-vis ${plan.sweep}` });
}

// 7. CPU time per stage, one picture at a time in this process (after every run above, so nothing overlaps).
log('CPU time per stage');
const { measureStages } = await import('./stages.mjs');
const stages = await measureStages(main, quick ? 20 : 40, tmp);

// 8. eval: pictures per second on a 6,000-sample benchmark with two models, and peak RSS at 6k and at many lines.
const evalLines = argv.includes('--eval-lines') ? Number(argv[argv.indexOf('--eval-lines') + 1]) : quick ? 100_000 : 1_000_000;
const evalData = argv.includes('--eval-data') ? path.resolve(argv[argv.indexOf('--eval-data') + 1]) : undefined;
const { benchEval } = await import('./eval.mjs');
const evalResults = flags.has('--no-eval') ? undefined : await benchEval(tmp, { typical: quick ? 40 : 100, repeats: quick ? 2 : 3, lines: evalLines, dataDir: evalData });
load.push(os.loadavg()[0]);

const ours = median(typicalRuns.map((r) => r.msPerImage));
const floor = median(floorRuns.map((r) => r.msPerImage));
const first = median(typicalRuns.map((r) => r.firstMs));
const results = {
  machine: { cores, cpu: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: { start: load[0], end: load[1] } },
  plan: { ...plan, quick, distinctImages: main.images.length, imageSize: '1024x1024 JPEG', format: 'png' },
  generateSeconds: generateMs / 1000,
  typical: {
    numVis: plan.typical,
    runs: typicalRuns,
    msPerImage: ours,
    imagesPerSecond: 1000 / ours,
    wallSeconds: median(typicalRuns.map((r) => r.wallMs)) / 1000,
    bytesPerImage: median(typicalRuns.map((r) => r.bytesPerImage)),
    cpuMsPerImage: median(typicalRuns.map((r) => r.cpuMsPerImage)),
    mainMsPerImage: median(typicalRuns.map((r) => r.mainMsPerImage)),
    cpuStartupMs: median(typicalRuns.map((r) => r.cpuStartupMs)),
  },
  floor: {
    runs: floorRuns,
    msPerImage: floor,
    cpuMsPerImage: median(floorRuns.map((r) => r.cpuMsPerImage)),
    bytesPerImage: median(floorRuns.map((r) => r.bytesPerImage)),
  },
  ratioToFloor: ours / floor,
  cpuRatioToFloor: median(typicalRuns.map((r) => r.cpuMsPerImage)) / median(floorRuns.map((r) => r.cpuMsPerImage)),
  firstImageSeconds: first / 1000,
  fast: { msPerImage: fastRun.msPerImage, cpuMsPerImage: fastRun.cpuMsPerImage, bytesPerImage: fastRun.bytesPerImage, peakRss: fastRun.peakRss },
  peakRss: { [50]: rss50.peakRss, [plan.big]: rssBig.peakRss, typical: median(typicalRuns.map((r) => r.peakRss)) },
  // Peak RSS so far after n images of the long run: levels off, or grows with the count?
  peakRssCurve: rssBig.peakRssAt,
  longRun: { numVis: plan.big, msPerImage: rssBig.msPerImage, wallSeconds: rssBig.wallMs / 1000 },
  tsvPair: {
    smallSeconds: median(pairs.small.map((r) => r.wallMs)) / 1000,
    sparseSeconds: median(pairs.sparse.map((r) => r.wallMs)) / 1000,
    ratio: median(pairs.sparse.map((r) => r.wallMs)) / median(pairs.small.map((r) => r.wallMs)),
    smallCpuSeconds: median(pairs.small.map((r) => r.cpuMs)) / 1000,
    sparseCpuSeconds: median(pairs.sparse.map((r) => r.cpuMs)) / 1000,
    cpuRatio: median(pairs.sparse.map((r) => r.cpuMs)) / median(pairs.small.map((r) => r.cpuMs)),
  },
  workers: sweep.map((s) => ({ ...s, imagesPerSecond: 1000 / s.msPerImage, speedup: sweep[0].msPerImage / s.msPerImage })),
  stages,
  eval: evalResults,
  before: beforeCli
    ? {
        cli: beforeCli,
        runs: beforeRuns,
        msPerImage: median(beforeRuns.map((r) => r.msPerImage)),
        cpuMsPerImage: median(beforeRuns.map((r) => r.cpuMsPerImage)),
        mainMsPerImage: median(beforeRuns.map((r) => r.mainMsPerImage)),
        firstImageSeconds: median(beforeRuns.map((r) => r.firstMs)) / 1000,
        peakRss: median(beforeRuns.map((r) => r.peakRss)),
        bytesPerImage: median(beforeRuns.map((r) => r.bytesPerImage)),
      }
    : undefined,
  // CPU-bound: with every core busy, an image costs its CPU time over the cores.
  cpuBoundMsPerImage: median(typicalRuns.map((r) => r.cpuMsPerImage)) / cores,
  fullDataset: {
    samples: FULL_DATASET,
    minutes: (first + FULL_DATASET * ours) / 60_000,
    fastMinutes: (first + FULL_DATASET * fastRun.msPerImage) / 60_000,
    idleMachineMinutes: (first + (FULL_DATASET * median(typicalRuns.map((r) => r.cpuMsPerImage))) / cores) / 60_000,
  },
  benchSeconds: (performance.now() - t0) / 1000,
};
// More cores: with one drawing thread per core, an image needs its CPU time (all threads) spread over the cores, and
// the main thread (reading, scheduling, writing) caps a process at 1000 / its ms per image whatever the cores.
const cpuMs = results.typical.cpuMsPerImage;
const mainMs = results.typical.mainMsPerImage;
// Peak RSS a drawing thread adds: the slope over the sweep (1 thread -> cores threads).
const byWorkers = new Map(sweep.map((s) => [s.workers, s.peakRss]));
results.memory = {
  mainThreadOnly: byWorkers.get(0),
  oneWorker: byWorkers.get(1),
  perWorker: cores > 1 ? (byWorkers.get(cores) - byWorkers.get(1)) / (cores - 1) : NaN,
  workerHeapBoundMB: (await import('../../dist/render/pool.js')).DEFAULT_MAX_HEAP_MB,
};
results.scaling = [2, 8, 16].map((n) => {
  const byCpu = (n * 1000) / cpuMs;
  const byMain = 1000 / mainMs;
  const rate = Math.min(byCpu, byMain);
  return { cores: n, imagesPerSecond: rate, limit: byCpu <= byMain ? 'CPU time per image over the cores' : 'the main thread', byCpu, byMain, fullDatasetMinutes: (first / 1000 + FULL_DATASET / rate) / 60 };
});
results.targets = checkTargets(results);

const jsonFile = path.join(tmp, 'bench-results.json');
await writeFile(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
if (flags.has('--save')) await writeFile(path.join(here, 'last-results.json'), `${JSON.stringify(results, null, 2)}\n`);
printReport(results);
if (flags.has('--keep')) {
  await rm(out, { recursive: true, force: true });
  console.log(`\nfigures: ${jsonFile} (temp folder kept)`);
} else {
  const kept = path.join(os.tmpdir(), `humanref-bench-results-${path.basename(tmp).slice('humanref-bench-'.length)}.json`);
  await writeFile(kept, `${JSON.stringify(results, null, 2)}\n`);
  await rm(tmp, { recursive: true, force: true });
  console.log(`\nfigures: ${kept}`);
}
