// Runs the built CLI in this process and, on exit, writes as JSON to the file named by BENCH_RSS_FILE:
// peak RSS (bytes), CPU time (ms) of all threads and of the main thread alone, in total and when the first image
// was renamed into place.
import { readFileSync, watch, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
// BENCH_CLI: another build's dist/cli.js (the bench's --before run); by default this checkout's.
const { main } = await import(process.env.BENCH_CLI ?? '../../dist/cli.js');

const cpuMs = () => {
  // resourceUsage(): CPU times in microseconds for the whole process, sharp's threads included; maxRSS in kilobytes.
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1000;
};
let cpuAtFirstMs;
let mainAtFirstMs;
// The main thread's CPU time from /proc (utime + stime, in 1/100 s ticks); elsewhere the event loop's busy time,
// which also counts moments the thread waited for a core.
const mainMs = () => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return performance.eventLoopUtilization().active;
  }
};
const outDir = process.argv[process.argv.indexOf('--output-dir') + 1];
// Peak RSS so far after this many images: shows whether memory levels off or keeps growing with the count.
const CHECKPOINTS = new Set([1, 50, 100, 250, 500, 750, 1000, 2000]);
const peakRssAt = {};
const seen = new Set();
// The parent created the folder; an image name without a leading '.' is a finished picture.
const watcher = watch(outDir, (_event, name) => {
  if (!name || name.startsWith('.') || !/\.(png|jpg|webp)$/.test(name) || seen.has(name)) return;
  seen.add(name);
  if (seen.size === 1) {
    cpuAtFirstMs = cpuMs();
    mainAtFirstMs = mainMs();
  }
  if (CHECKPOINTS.has(seen.size)) peakRssAt[seen.size] = process.resourceUsage().maxRSS * 1024;
});
watcher.unref();

process.on('exit', () => {
  const report = { peakRss: process.resourceUsage().maxRSS * 1024, peakRssAt, cpuMs: cpuMs(), cpuAtFirstMs, mainMs: mainMs(), mainAtFirstMs };
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify(report));
});

await main(process.argv);
