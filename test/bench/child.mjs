// Runs the built CLI in this process and, on exit, writes its peak RSS (bytes) to the file named by BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';
import { main } from '../../dist/cli.js';

process.on('exit', () => {
  // resourceUsage().maxRSS is in kilobytes.
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});

await main(process.argv);
