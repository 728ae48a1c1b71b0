// The bench's targets (from the issue) and its printed table.

const MB = 1e6;
export const TARGETS = { ratioToFloor: 1.3, peakRssMB: 300, firstImageSeconds: 0.6, fullDatasetMinutes: 30, tsvPairRatio: 1.15 };

export function checkTargets(r) {
  const rss = Object.entries(r.peakRss).filter(([k]) => k !== 'typical');
  const [rssSmall, rssBig] = [rss[0][1], rss[rss.length - 1][1]];
  // Growth over the second half of the long run: a leak or a per-sample cost would show here.
  const curve = Object.entries(r.peakRssCurve).map(([n, v]) => [Number(n), v]);
  const half = curve.filter(([n]) => n <= r.plan.big / 2).pop() ?? curve[0];
  const secondHalf = rssBig / half[1];
  return [
    { target: `time per image <= ${TARGETS.ratioToFloor} x floor`, value: r.ratioToFloor, ok: r.ratioToFloor <= TARGETS.ratioToFloor },
    { target: `CPU time per image <= ${TARGETS.ratioToFloor} x floor`, value: r.cpuRatioToFloor, ok: r.cpuRatioToFloor <= TARGETS.ratioToFloor },
    { target: `peak RSS <= ${TARGETS.peakRssMB} MB, whatever --num-vis`, value: Math.max(rssSmall, rssBig) / MB, ok: Math.max(rssSmall, rssBig) <= TARGETS.peakRssMB * MB },
    // "Does not grow with the count": levels off (under 5% over the second half of the long run).
    { target: `peak RSS levels off (images ${half[0]} -> ${r.plan.big} of the long run, <= 1.05x)`, value: secondHalf, ok: secondHalf <= 1.05 },
    { target: `first image <= ${TARGETS.firstImageSeconds} s after start`, value: r.firstImageSeconds, ok: r.firstImageSeconds <= TARGETS.firstImageSeconds },
    { target: `45k samples < ${TARGETS.fullDatasetMinutes} min (this machine)`, value: r.fullDataset.minutes, ok: r.fullDataset.minutes < TARGETS.fullDatasetMinutes },
    { target: `sparse >4 GB TSV ~ small TSV (<= ${TARGETS.tsvPairRatio}x)`, value: r.tsvPair.ratio, ok: r.tsvPair.ratio <= TARGETS.tsvPairRatio },
    { target: `sparse >4 GB TSV ~ small TSV in CPU time (<= ${TARGETS.tsvPairRatio}x)`, value: r.tsvPair.cpuRatio, ok: r.tsvPair.cpuRatio <= TARGETS.tsvPairRatio },
  ];
}

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : String(x));
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : String(x));

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  return rows.map((row) => row.map((cell, c) => String(cell).padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

export function printReport(r) {
  const m = r.machine;
  console.log(`\nhumanref-vis bench: ${m.cores} cores (${m.cpu}), ${m.memoryGB} GB, node ${m.node}, load ${f1(m.loadAverage.start)} -> ${f1(m.loadAverage.end)}`);
  console.log(`dataset: ${r.plan.samples} samples over ${r.plan.distinctImages} photo-like ${r.plan.imageSize}s, output ${r.plan.format}; generated in ${f1(r.generateSeconds)} s\n`);
  const big = r.plan.big;
  console.log(
    table([
      ['measure', 'value', 'detail'],
      [`typical run (--num-vis ${r.typical.numVis}, concurrency ${m.cores})`, `${f1(r.typical.msPerImage)} ms/image`, `${f2(r.typical.imagesPerSecond)} images/s; median of ${r.typical.runs.length}; ${f1(r.typical.wallSeconds)} s wall`],
      ['floor (decode + encode, nothing drawn)', `${f1(r.floor.msPerImage)} ms/image`, 'same pictures, sizes, encoder settings and concurrency'],
      ['ours / floor', `${f2(r.ratioToFloor)} x`, `output ${f2(r.typical.bytesPerImage / MB)} MB/image (floor ${f2(r.floor.bytesPerImage / MB)} MB)`],
      ['CPU time per image, ours / floor', `${f1(r.typical.cpuMsPerImage)} / ${f1(r.floor.cpuMsPerImage)} ms`, `${f2(r.cpuRatioToFloor)} x (all threads; steady when other work loads the machine)`],
      ['--fast', `${f1(r.fast.msPerImage)} ms/image`, `${f2(r.fast.bytesPerImage / MB)} MB/image, ${f1(r.fast.cpuMsPerImage)} ms CPU/image`],
      ['first image written', `${f2(r.firstImageSeconds)} s`, `from process start, median of the typical runs; ${f1(r.typical.cpuStartupMs)} ms CPU`],
      ['peak RSS, --num-vis 50', `${f1(r.peakRss[50] / MB)} MB`, ''],
      [`peak RSS, --num-vis ${big}`, `${f1(r.peakRss[big] / MB)} MB`, `${f1(r.longRun.msPerImage)} ms/image over ${big}`],
      ['  peak RSS so far, long run', 'after n images', Object.entries(r.peakRssCurve).map(([n, v]) => `${n}: ${(v / MB).toFixed(0)}`).join(', ') + ' MB'],
      ['50 samples, small images TSV', `${f2(r.tsvPair.smallSeconds)} s`, 'wall, including start-up'],
      ['50 samples, sparse TSV beyond 4.3 GB', `${f2(r.tsvPair.sparseSeconds)} s`, `${f2(r.tsvPair.ratio)} x the small one (CPU time ${f2(r.tsvPair.cpuRatio)} x)`],
      ...r.concurrency.map((s) => [`concurrency ${s.concurrency}`, `${f2(s.imagesPerSecond)} images/s`, `${f2(s.speedup)} x concurrency 1 (${s.from})`]),
      [`all ${r.fullDataset.samples} samples (extrapolated)`, `${f1(r.fullDataset.minutes)} min`, `${f1(r.fullDataset.fastMinutes)} min with --fast; split with --shard k/n`],
      [`  same, idle machine (CPU time / ${m.cores} cores)`, `${f1(r.fullDataset.idleMachineMinutes)} min`, 'if nothing else ran: the CPU-bound bound'],
      ['main thread CPU per image', `${f1(r.typical.mainMsPerImage)} ms`, `caps one process at ${f1(1000 / r.typical.mainMsPerImage)} images/s whatever the cores`],
      ...r.scaling.map((s) => [
        `  estimate, ${s.cores} cores`,
        `${f1(s.imagesPerSecond)} images/s`,
        `45k in ${f1(s.fullDatasetMinutes)} min; ${f1(s.fullDatasetMinutesPoolPerCore)} min with UV_THREADPOOL_SIZE=${s.cores}`,
      ]),
    ]),
  );
  console.log('\ntargets:');
  for (const t of r.targets) console.log(`  ${t.ok ? 'ok  ' : 'MISS'} ${t.target}: ${f2(t.value)}`);
  console.log(`\nbench took ${f1(r.benchSeconds)} s`);
}
