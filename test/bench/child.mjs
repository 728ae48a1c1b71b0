// Runs the built CLI in this process and, on exit, writes as JSON to the file named by BENCH_RSS_FILE:
// peak RSS (bytes), CPU time (ms, all threads) in total and when the first image was renamed into place.
import { watch, writeFileSync } from 'node:fs';
import { main } from '../../dist/cli.js';

const cpuMs = () => {
  // resourceUsage(): CPU times in microseconds for the whole process, sharp's threads included; maxRSS in kilobytes.
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1000;
};
let cpuAtFirstMs;
const outDir = process.argv[process.argv.indexOf('--output-dir') + 1];
// The parent created the folder; the first image name without a leading '.' is the first finished picture.
const watcher = watch(outDir, (_event, name) => {
  if (name && !name.startsWith('.') && /\.(png|jpg|webp)$/.test(name)) {
    cpuAtFirstMs = cpuMs();
    watcher.close();
  }
});
watcher.unref();

process.on('exit', () => {
  const report = { peakRss: process.resourceUsage().maxRSS * 1024, cpuMs: cpuMs(), cpuAtFirstMs };
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify(report));
});

await main(process.argv);
