// The bench's targets (issue "Scale with cores") and its printed table.

const MB = 1e6;
export const TARGETS = { msPerImage: 38, mainMsPerImage: 6, peakRssMB: 400, firstImageSeconds: 0.6, fullDatasetMinutes: 30, tsvPairRatio: 1.15, evalLargePeakRssMB: 4000 };

// eval over many prediction lines (people concatenate runs): it must finish, within a few GB.
const evalLargeTarget = (l) => ({
  target: `eval over ${l.lines} lines x 2 models finishes, peak RSS <= ${TARGETS.evalLargePeakRssMB} MB`,
  value: l.peakRss / MB,
  ok: !l.failed && l.peakRss <= TARGETS.evalLargePeakRssMB * MB,
});

export function checkTargets(r) {
  const rss = Object.entries(r.peakRss).filter(([k]) => k !== 'typical');
  const [rssSmall, rssBig] = [rss[0][1], rss[rss.length - 1][1]];
  // Growth over the second half of the long run: a leak or a per-sample cost would show here.
  const curve = Object.entries(r.peakRssCurve).map(([n, v]) => [Number(n), v]);
  const half = curve.filter(([n]) => n <= r.plan.big / 2).pop() ?? curve[0];
  const secondHalf = rssBig / half[1];
  const twoCores = r.scaling.find((s) => s.cores === 2);
  return [
    { target: `ms per image <= ${TARGETS.msPerImage} (default settings)`, value: r.typical.msPerImage, ok: r.typical.msPerImage <= TARGETS.msPerImage },
    { target: `main-thread CPU per image <= ${TARGETS.mainMsPerImage} ms`, value: r.typical.mainMsPerImage, ok: r.typical.mainMsPerImage <= TARGETS.mainMsPerImage },
    { target: `peak RSS <= ${TARGETS.peakRssMB} MB, whatever --num-vis`, value: Math.max(rssSmall, rssBig) / MB, ok: Math.max(rssSmall, rssBig) <= TARGETS.peakRssMB * MB },
    // "Flat in --num-vis": levels off (under 5% over the second half of the long run).
    { target: `peak RSS levels off (images ${half[0]} -> ${r.plan.big} of the long run, <= 1.05x)`, value: secondHalf, ok: secondHalf <= 1.05 },
    { target: `first image <= ${TARGETS.firstImageSeconds} s after start`, value: r.firstImageSeconds, ok: r.firstImageSeconds <= TARGETS.firstImageSeconds },
    { target: `45k samples <= ${TARGETS.fullDatasetMinutes} min on this machine (measured ms/image)`, value: r.fullDataset.minutes, ok: r.fullDataset.minutes <= TARGETS.fullDatasetMinutes },
    { target: `45k samples <= ${TARGETS.fullDatasetMinutes} min on 2 cores (extrapolated from CPU time)`, value: twoCores.fullDatasetMinutes, ok: twoCores.fullDatasetMinutes <= TARGETS.fullDatasetMinutes },
    { target: `sparse >4 GB TSV ~ small TSV (<= ${TARGETS.tsvPairRatio}x)`, value: r.tsvPair.ratio, ok: r.tsvPair.ratio <= TARGETS.tsvPairRatio },
    { target: `sparse >4 GB TSV ~ small TSV in CPU time (<= ${TARGETS.tsvPairRatio}x)`, value: r.tsvPair.cpuRatio, ok: r.tsvPair.cpuRatio <= TARGETS.tsvPairRatio },
    ...(r.eval?.large ? [evalLargeTarget(r.eval.large)] : []),
  ];
}

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : String(x));
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : String(x));

export function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  return rows.map((row) => row.map((cell, c) => String(cell).padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

/** eval's rows of the table (test/bench/eval.mjs's figures): [measure, value, detail]. */
export function evalRows(e) {
  const p = e.pictures;
  const rows = [
    [`eval pictures (${e.samples} samples, 2 models, --num-vis ${p.numVis})`, `${f2(p.picturesPerSecond)} pictures/s`, `${f1(p.msPerPicture)} ms/picture steady, ${f1(p.cpuMsPerPicture)} ms CPU, main thread ${f1(p.mainMsPerPicture)} ms; ${f1(p.wallSeconds)} s wall; median of ${p.runs.length}`],
    ['  eval: read + score + metrics, then first picture', `${f2(p.firstPictureSeconds)} s`, `from process start; --no-pictures run ${f2(e.scoreOnly.wallSeconds)} s wall`],
    [`  eval peak RSS, ${e.samples} samples`, `${f1(e.smallVis.peakRss / MB)} MB`, `--num-vis ${e.smallVis.numVis}; ${f1(e.scoreOnly.peakRss / MB)} MB --no-pictures, ${f1(p.peakRss / MB)} MB --num-vis ${p.numVis}`],
  ];
  const l = e.large;
  if (!l) return rows;
  const what = `  eval peak RSS, ${l.lines} lines x 2 models`;
  // A dying node prints its native stack last: the FATAL ERROR line (or else the last line) says why.
  const why = l.failed && (/^FATAL ERROR.*$/m.exec(l.stderrTail)?.[0] ?? l.stderrTail.trim().split('\n').pop());
  if (l.failed) return [...rows, [what, `FAILED (${l.code})`, `after ${f1(l.wallSeconds)} s, ${f1(l.peakRss / MB)} MB last seen; ${why}; left ${l.leftFiles?.join(', ') || 'nothing'}`]];
  const extra = (l.peakRss - e.smallVis.peakRss) / MB;
  const holding = `holding the results: ${extra >= 0 ? '+' : ''}${f1(extra)} MB over ${e.samples} samples`;
  return [...rows, [what, `${f1(l.peakRss / MB)} MB`, `--num-vis ${l.numVis}; ${f1(l.wallSeconds)} s wall, first picture after ${f1(l.firstPictureSeconds)} s; ${f1(l.bytes / 1e9)} GB of JSONL; ${holding}`]];
}

export function printReport(r) {
  const m = r.machine;
  console.log(`\nhumanref-vis bench: ${m.cores} cores (${m.cpu}), ${m.memoryGB} GB, node ${m.node}, load ${f1(m.loadAverage.start)} -> ${f1(m.loadAverage.end)}`);
  console.log(`dataset: ${r.plan.samples} samples over ${r.plan.distinctImages} photo-like ${r.plan.imageSize}s, output ${r.plan.format}; generated in ${f1(r.generateSeconds)} s\n`);
  const big = r.plan.big;
  const b = r.before;
  console.log(
    table([
      ['measure', 'value', 'detail'],
      [`typical run (--num-vis ${r.typical.numVis}, defaults: ${m.cores} workers)`, `${f1(r.typical.msPerImage)} ms/image`, `${f2(r.typical.imagesPerSecond)} images/s; median of ${r.typical.runs.length}; ${f1(r.typical.wallSeconds)} s wall`],
      ...(b ? [['  before (--before build, same runs)', `${f1(b.msPerImage)} ms/image`, `${f1(b.cpuMsPerImage)} ms CPU, main thread ${f1(b.mainMsPerImage)} ms, first image ${f2(b.firstImageSeconds)} s, peak RSS ${f1(b.peakRss / MB)} MB, ${f2(b.bytesPerImage / MB)} MB/image`]] : []),
      ['CPU time per image (all threads)', `${f1(r.typical.cpuMsPerImage)} ms`, `steady when other work loads the machine; floor ${f1(r.floor.cpuMsPerImage)} ms`],
      ['main-thread CPU per image', `${f1(r.typical.mainMsPerImage)} ms`, `caps one process at ${f1(1000 / r.typical.mainMsPerImage)} images/s whatever the cores`],
      ['floor (decode + encode, nothing drawn)', `${f1(r.floor.msPerImage)} ms/image`, `ours / floor ${f2(r.ratioToFloor)} x (CPU ${f2(r.cpuRatioToFloor)} x); output ${f2(r.typical.bytesPerImage / MB)} MB/image (floor ${f2(r.floor.bytesPerImage / MB)} MB)`],
      ['--fast', `${f1(r.fast.msPerImage)} ms/image`, `${f2(r.fast.bytesPerImage / MB)} MB/image, ${f1(r.fast.cpuMsPerImage)} ms CPU/image`],
      ['first image written', `${f2(r.firstImageSeconds)} s`, `from process start, median of the typical runs; ${f1(r.typical.cpuStartupMs)} ms CPU`],
      ['peak RSS, --num-vis 50', `${f1(r.peakRss[50] / MB)} MB`, ''],
      [`peak RSS, --num-vis ${big}`, `${f1(r.peakRss[big] / MB)} MB`, `${f1(r.longRun.msPerImage)} ms/image over ${big}`],
      ['  peak RSS so far, long run', 'after n images', Object.entries(r.peakRssCurve).map(([n, v]) => `${n}: ${(v / MB).toFixed(0)}`).join(', ') + ' MB'],
      ['  peak RSS per drawing thread', `${f1(r.memory.perWorker / MB)} MB`, `main thread only ${f1(r.memory.mainThreadOnly / MB)} MB, 1 thread ${f1(r.memory.oneWorker / MB)} MB; each thread's JS heap bounded at ${r.memory.workerHeapBoundMB} MB`],
      ['50 samples, small images TSV', `${f2(r.tsvPair.smallSeconds)} s`, 'wall, including start-up'],
      ['50 samples, sparse TSV beyond 4.3 GB', `${f2(r.tsvPair.sparseSeconds)} s`, `${f2(r.tsvPair.ratio)} x the small one (CPU time ${f2(r.tsvPair.cpuRatio)} x)`],
      ...r.workers.map((s) => [
        `--workers ${s.workers}${s.workers === 0 ? ' (main thread draws)' : ''}`,
        `${f2(s.imagesPerSecond)} images/s`,
        `${f1(s.msPerImage)} ms/image, ${f1(s.cpuMsPerImage)} ms CPU, main ${f1(s.mainMsPerImage)} ms, peak RSS ${f1(s.peakRss / MB)} MB (${s.from})`,
      ]),
      ...Object.entries(r.stages).map(([stage, v]) => [`  stage: ${stage}`, `${f1(v.cpuMs)} ms CPU`, `${f1(v.wallMs)} ms wall, one picture at a time`]),
      [`all ${r.fullDataset.samples} samples, this machine`, `${f1(r.fullDataset.minutes)} min`, `${f1(r.fullDataset.fastMinutes)} min with --fast; start-up + 45k x measured ms/image`],
      ...r.scaling.map((s) => [
        `  extrapolated, ${s.cores} cores`,
        `${f1(s.fullDatasetMinutes)} min`,
        `${f1(s.imagesPerSecond)} images/s, bound by ${s.limit} (CPU: ${f1(s.byCpu)}/s, main thread: ${f1(s.byMain)}/s)`,
      ]),
      ...(r.eval ? evalRows(r.eval) : []),
    ]),
  );
  console.log('\ntargets:');
  for (const t of r.targets) console.log(`  ${t.ok ? 'ok  ' : 'MISS'} ${t.target}: ${f2(t.value)}`);
  console.log(`\nbench took ${f1(r.benchSeconds)} s`);
}
