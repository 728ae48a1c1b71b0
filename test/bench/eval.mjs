// eval's figures for `npm run bench` (or alone, after a build: `node test/bench/eval.mjs [--quick] [--lines N]
// [--data DIR] [--keep]`): on a 6,000-sample benchmark with two models, pictures per second, the time to score, and
// peak RSS; then the same with N prediction lines per model (default 1,000,000), once. Both sizes draw the same
// small number of samples (SMALL_VIS), so the difference in peak RSS is what holding N samples' results costs.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeEvalBench } from './eval-data.mjs';
import { median, runCli } from './measure.mjs';
import { evalRows, table } from './report.mjs';

const BENCHMARK = 6000;
export const MILLION = 1_000_000;
/** Samples drawn (two pictures each) in the memory runs, at 6k and at the large size alike. */
export const SMALL_VIS = 20;

const log = (text) => process.stderr.write(`bench eval: ${text}\n`);

/** The dataset in `dir`, generated once: a stamp says what it holds, so `--data DIR` reuses it across runs. */
async function dataset(dir, samples) {
  const stampFile = path.join(dir, 'bench-eval.json');
  const stamp = await readFile(stampFile, 'utf8').then(JSON.parse, () => null);
  if (stamp?.samples === samples) {
    log(`reusing the ${samples}-sample inputs in ${dir}`);
    return stamp;
  }
  log(`generating ${samples} samples and two models' prediction lines in ${dir}${samples > 100_000 ? ' (GB, minutes)' : ''}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const t0 = performance.now();
  const made = await makeEvalBench(dir, { samples });
  const result = { ...made, generateSeconds: (performance.now() - t0) / 1000 };
  await writeFile(stampFile, JSON.stringify(result));
  return result;
}

const evalArgs = (d, extra) => ['eval', '--gt', d.gt, '--images', d.images, '--pred', ...d.preds, '--names', 'A,B', ...extra];

function summarize(r) {
  if (r.failed) return { failed: true, code: r.code, stderrTail: r.stderrTail, wallSeconds: r.wallMs / 1000, peakRss: r.peakRss, pictures: r.count };
  return {
    pictures: r.count,
    wallSeconds: r.wallMs / 1000,
    // Reading, scoring and metrics.json all come before the first picture.
    firstPictureSeconds: r.firstMs / 1000,
    msPerPicture: r.msPerImage,
    picturesPerSecond: 1000 / r.msPerImage,
    cpuMsPerPicture: r.cpuMsPerImage,
    mainMsPerPicture: r.mainMsPerImage,
    peakRss: r.peakRss,
    peakRssAt: r.peakRssAt,
  };
}

/**
 * Runs eval's cases into `tmp` and resolves with their figures. `plan`: `typical` samples drawn in the picture runs
 * (two pictures each), `repeats` of them, `lines` for the large case (0 skips it), `dataDir` to keep the datasets.
 */
export async function benchEval(tmp, { typical = 100, repeats = 3, lines = MILLION, dataDir } = {}) {
  const root = dataDir ?? path.join(tmp, 'eval-data');
  const out = path.join(tmp, 'eval-out');
  const rssFile = path.join(tmp, 'eval-rss');
  const cli = (d, extra, allowFailure = false) => runCli(evalArgs(d, extra), { outDir: out, rssFile, allowFailure });
  const load = [os.loadavg()[0]];

  const small = await dataset(path.join(root, String(BENCHMARK)), BENCHMARK);
  const pictureRuns = [];
  for (let i = 0; i < repeats; i++) {
    log(`picture run ${i + 1}/${repeats}: ${BENCHMARK} samples, --num-vis ${typical} (${2 * typical} pictures)`);
    pictureRuns.push(summarize(await cli(small, ['--num-vis', String(typical)])));
  }
  log(`${BENCHMARK} samples, --no-pictures`);
  const scoreOnly = summarize(await cli(small, ['--no-pictures']));
  log(`${BENCHMARK} samples, --num-vis ${SMALL_VIS}`);
  const smallVis = summarize(await cli(small, ['--num-vis', String(SMALL_VIS)]));

  let large;
  if (lines > 0) {
    const big = await dataset(path.join(root, String(lines)), lines);
    log(`${lines} lines per model, --num-vis ${SMALL_VIS} (once; minutes)`);
    large = { lines, bytes: big.bytes, generateSeconds: big.generateSeconds, ...summarize(await cli(big, ['--num-vis', String(SMALL_VIS)], true)) };
    // How far a failed run got: metrics.json is written after scoring, samples.jsonl at the end.
    if (large.failed) large.leftFiles = (await readdir(out)).filter((f) => !/\.(png|jpg|webp)$/.test(f));
  }
  load.push(os.loadavg()[0]);
  await rm(out, { recursive: true, force: true });
  const typicalOf = (key) => median(pictureRuns.map((r) => r[key]));
  return {
    samples: BENCHMARK,
    models: 2,
    bytes: small.bytes,
    loadAverage: { start: load[0], end: load[1] },
    pictures: {
      numVis: typical,
      runs: pictureRuns,
      picturesPerSecond: typicalOf('picturesPerSecond'),
      msPerPicture: typicalOf('msPerPicture'),
      cpuMsPerPicture: typicalOf('cpuMsPerPicture'),
      mainMsPerPicture: typicalOf('mainMsPerPicture'),
      wallSeconds: typicalOf('wallSeconds'),
      firstPictureSeconds: typicalOf('firstPictureSeconds'),
      peakRss: typicalOf('peakRss'),
    },
    scoreOnly,
    smallVis: { numVis: SMALL_VIS, ...smallVis },
    large: large && { numVis: SMALL_VIS, ...large },
  };
}

export const printEvalTable = (e) => console.log(table([['measure', 'value', 'detail'], ...evalRows(e)]));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  const arg = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
  const quick = argv.includes('--quick');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'humanref-bench-eval-'));
  const dataDir = arg('--data', undefined);
  const results = await benchEval(tmp, {
    typical: quick ? 40 : 100,
    repeats: quick ? 2 : 3,
    lines: Number(arg('--lines', quick ? '100000' : String(MILLION))),
    dataDir: dataDir && path.resolve(dataDir),
  });
  console.log(`\nhumanref-vis eval bench: ${os.availableParallelism()} cores, load ${results.loadAverage.start.toFixed(1)} -> ${results.loadAverage.end.toFixed(1)}\n`);
  printEvalTable(results);
  const file = path.join(argv.includes('--keep') ? tmp : os.tmpdir(), `humanref-bench-eval-${path.basename(tmp).slice('humanref-bench-eval-'.length)}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  if (!argv.includes('--keep')) await rm(tmp, { recursive: true, force: true });
  console.log(`\nfigures: ${file}`);
}
