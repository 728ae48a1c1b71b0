// What the PNG settings trade: renders a few bench pictures with the CLI, then encodes their pixels with each
// zlib level, with and without adaptive filtering, and prints CPU ms and MB per picture (median of 3 rounds).
// Usage: node test/bench/encoders.mjs [pictures=8]
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { encodeOptions } from '../../dist/render/encode.js';
import { makeBenchDataset } from './dataset.mjs';
import { median } from './measure.mjs';

const count = Number(process.argv[2] ?? 8);
const tmp = await mkdtemp(path.join(os.tmpdir(), 'humanref-encoders-'));
const data = await makeBenchDataset(path.join(tmp, 'data'), { samples: 50 });
const out = path.join(tmp, 'out');
const cli = fileURLToPath(new URL('../../bin/humanref-vis.cjs', import.meta.url));
const run = spawnSync(process.execPath, [cli, '--img-tsv', data.imgTsv, '--ann-tsv', data.annTsv, '--num-vis', String(count), '--output-dir', out, '--quiet'], { stdio: 'inherit' });
if (run.status !== 0) throw new Error(`the run failed (${run.status})`);
const pictures = [];
for (const name of (await readdir(out)).filter((f) => f.endsWith('.png'))) pictures.push(await sharp(path.join(out, name)).ensureAlpha().raw().toBuffer({ resolveWithObject: true }));

// The renderer's path: opaque RGBA in, alpha removed, then the encoder.
const settings = [];
for (const adaptiveFiltering of [false, true]) for (const compressionLevel of [1, 2, 3, 4, 6, 9]) settings.push({ compressionLevel, adaptiveFiltering });
const rows = new Map(settings.map((s) => [JSON.stringify(s), { ms: [], bytes: 0 }]));
for (let round = 0; round < 3; round++) {
  for (const s of settings) {
    const row = rows.get(JSON.stringify(s));
    const before = process.cpuUsage();
    let bytes = 0;
    for (const { data: px, info } of pictures) bytes += (await sharp(px, { raw: info }).removeAlpha().png(s).toBuffer()).length;
    const cpu = process.cpuUsage(before);
    row.ms.push((cpu.user + cpu.system) / 1000 / pictures.length);
    row.bytes = bytes / pictures.length;
  }
}
const current = (fast) => JSON.stringify(encodeOptions('png', fast).options);
console.log(`\nPNG settings on ${pictures.length} bench pictures (${pictures[0].info.width}x${pictures[0].info.height}); CPU ms and MB per picture\n`);
console.log('level  adaptive filtering  CPU ms  MB');
for (const [key, row] of rows) {
  const s = JSON.parse(key);
  const mark = key === current(false) ? '  <- default' : key === current(true) ? '  <- --fast' : '';
  console.log(`${String(s.compressionLevel).padEnd(7)}${String(s.adaptiveFiltering).padEnd(20)}${median(row.ms).toFixed(0).padStart(6)}  ${(row.bytes / 1e6).toFixed(2)}${mark}`);
}
await rm(tmp, { recursive: true, force: true });
