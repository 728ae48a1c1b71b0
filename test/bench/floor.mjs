// The floor of a render: decode the same source JPEGs and encode pictures of the output size with the same
// encoder, nothing drawn, same concurrency, files written. Run as a child so it starts as cold as the CLI.
// Usage: node floor.mjs <jobs.json> <out-dir> <concurrency> <result.json>
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { encodeRgba } from '../../dist/render/encode.js';
import { PANEL_BG } from '../../dist/render/colors.js';

const [jobsFile, outDir, concurrencyArg, resultFile] = process.argv.slice(2);
/** jobs: { images: [jpeg path], items: [{ image, width, height, name }], format, fast } */
const jobs = JSON.parse(await readFile(jobsFile, 'utf8'));
const sources = await Promise.all(jobs.images.map((p) => readFile(p)));
await mkdir(outDir, { recursive: true });

async function one(item) {
  const jpeg = sources[item.image];
  const meta = await sharp(jpeg).metadata();
  // The decoded photo on a canvas of the output size (the panel area left plain), as RGBA like the canvas's pixels,
  // then the renderer's own encoder.
  const rgba = await sharp(jpeg).extend({ right: item.width - meta.width, bottom: item.height - meta.height, background: PANEL_BG }).ensureAlpha().raw().toBuffer();
  const data = await encodeRgba(rgba, item.width, item.height, jobs.format, jobs.fast);
  await writeFile(path.join(outDir, item.name), data);
  return data.length;
}

// A warm-up so the comparison is with the CLI's steady state (its start-up is measured separately).
await one(jobs.items[0]);
const concurrency = Number(concurrencyArg);
let next = 0;
let bytes = 0;
const started = performance.now();
const cpuStart = process.cpuUsage();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < jobs.items.length) bytes += await one(jobs.items[next++]);
  }),
);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
await writeFile(resultFile, JSON.stringify({ count: jobs.items.length, ms, msPerImage: ms / jobs.items.length, cpuMsPerImage: (cpu.user + cpu.system) / 1000 / jobs.items.length, bytesPerImage: bytes / jobs.items.length }));
