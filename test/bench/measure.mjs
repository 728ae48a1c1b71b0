// Runs the built CLI as a child process and measures it from outside: wall time, when each image appeared, peak RSS.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, open, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));
// Final output names only: temp files start with '.', and the manifest and gallery are not images.
const IMAGE = /^[^.].*\.(png|jpg|webp)$/;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs `humanref-vis <args> --output-dir <outDir> --quiet` and resolves with:
 * wallMs (spawn to exit), firstMs (spawn to the first image renamed into place), msPerImage (steady state:
 * first to last image over count-1), count, bytesPerImage, peakRss (bytes), cpuMsPerImage (all threads, after
 * the first image: unlike wall time it hardly changes when other processes load the machine), mainMsPerImage.
 */
export async function runCli(args, { outDir, rssFile, cli }) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const seen = new Map();
  let started = 0;
  // inotify sees each rename into place; the time is taken when the event arrives (sub-millisecond on an idle loop).
  const watcher = watch(outDir, (_event, name) => {
    if (name && IMAGE.test(name) && !seen.has(name)) seen.set(name, performance.now() - started);
  });
  started = performance.now();
  const child = spawn(process.execPath, [CHILD, ...args, '--output-dir', outDir, '--quiet'], {
    // As bin/humanref-vis.cjs does before the CLI loads: libuv's pool sized to the cores (never below 4).
    env: { UV_THREADPOOL_SIZE: String(os.availableParallelism() <= 2 ? 2 : Math.max(4, os.availableParallelism() + 1)), ...process.env, BENCH_RSS_FILE: rssFile, ...(cli ? { BENCH_CLI: cli } : {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? signal));
  });
  const wallMs = performance.now() - started;
  watcher.close();
  if (code !== 0) throw new Error(`humanref-vis ${args.join(' ')} exited with ${code}:\n${stderr}`);

  const files = (await readdir(outDir)).filter((f) => IMAGE.test(f));
  const times = files.map((f) => seen.get(f)).filter((t) => t !== undefined).sort((a, b) => a - b);
  const sizes = await Promise.all(files.map(async (f) => (await stat(path.join(outDir, f))).size));
  const { peakRss, peakRssAt, cpuMs, cpuAtFirstMs, mainMs, mainAtFirstMs } = JSON.parse(await readFile(rssFile, 'utf8'));
  return {
    count: files.length,
    wallMs,
    firstMs: times[0],
    msPerImage: times.length > 1 ? (times[times.length - 1] - times[0]) / (times.length - 1) : NaN,
    bytesPerImage: sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length),
    peakRss,
    peakRssAt,
    cpuMs,
    cpuStartupMs: cpuAtFirstMs,
    cpuMsPerImage: files.length > 1 ? (cpuMs - cpuAtFirstMs) / (files.length - 1) : NaN,
    // The main thread's share: it draws, so it caps the throughput however many cores sharp gets.
    mainMsPerImage: files.length > 1 ? (mainMs - mainAtFirstMs) / (files.length - 1) : NaN,
    watched: times.length,
  };
}

/** Width and height of a PNG from its IHDR chunk (bytes 16-23). */
export async function pngSize(file) {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(24);
    await handle.read(head, 0, 24, 0);
    return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
  } finally {
    await handle.close();
  }
}

/** Runs a node script to completion; rejects with its stderr when it fails. */
export async function runNode(script, args) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? s)));
  if (code !== 0) throw new Error(`${path.basename(script)} exited with ${code}:\n${stderr}`);
}
