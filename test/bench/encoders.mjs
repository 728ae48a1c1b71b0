// What the PNG encoders trade, on real output pictures: renders a few bench samples with the CLI, then encodes their
// pixels with each candidate and prints CPU ms and MB per picture (median of 3 rounds), checking each is lossless.
// Candidates: sharp (libvips + zlib) at levels 1-9 with and without adaptive filtering; @napi-rs/image (the Rust
// `png` crate: "Fast" is fdeflate, "Default" is zlib-class deflate) with each row filter; and the renderer's own.
// Usage: node test/bench/encoders.mjs [pictures=8]
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompressionType, FilterType, Transformer } from '@napi-rs/image';
import sharp from 'sharp';
import { encodeRgba, rgbaToPpm } from '../../dist/render/encode.js';
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

const candidates = [];
for (const adaptiveFiltering of [false, true]) {
  for (const compressionLevel of [1, 2, 6, 9]) {
    candidates.push({ name: `sharp zlib level ${compressionLevel}${adaptiveFiltering ? ', adaptive filtering' : ''}`, encode: (px, w, h) => sharp(px, { raw: { width: w, height: h, channels: 4 } }).removeAlpha().png({ compressionLevel, adaptiveFiltering }).toBuffer() });
  }
}
for (const [filter, filterType] of Object.entries({ none: FilterType.NoFilter, Sub: FilterType.Sub, Up: FilterType.Up, Paeth: FilterType.Paeth, adaptive: FilterType.Adaptive })) {
  candidates.push({ name: `@napi-rs/image fdeflate (Fast), filter ${filter}`, encode: (px, w, h) => new Transformer(rgbaToPpm(px, w, h)).png({ compressionType: CompressionType.Fast, filterType }) });
}
candidates.push({ name: '@napi-rs/image Fast, adaptive, RGBA in', encode: (px, w, h) => Transformer.fromRgbaPixels(px, w, h).png({ compressionType: CompressionType.Fast, filterType: FilterType.Adaptive }) });
candidates.push({ name: '@napi-rs/image Default, adaptive', encode: (px, w, h) => new Transformer(rgbaToPpm(px, w, h)).png({ compressionType: CompressionType.Default, filterType: FilterType.Adaptive }) });
candidates.push({ name: 'the renderer (default)', encode: (px, w, h) => encodeRgba(px, w, h, 'png', false) });
candidates.push({ name: 'the renderer (--fast)', encode: (px, w, h) => encodeRgba(px, w, h, 'png', true) });

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const rows = candidates.map((c) => ({ ...c, ms: [], bytes: 0, lossless: true }));
for (let round = 0; round < 3; round++) {
  for (const row of rows) {
    const before = cpuNow();
    let bytes = 0;
    for (const { data: px, info } of pictures) bytes += (await row.encode(px, info.width, info.height)).length;
    row.ms.push((cpuNow() - before) / pictures.length);
    row.bytes = bytes / pictures.length;
    if (round === 0) {
      // Lossless: the decoded RGB equals the input's.
      const { data: px, info } = pictures[0];
      const back = await sharp(await row.encode(px, info.width, info.height)).removeAlpha().raw().toBuffer();
      const rgb = await sharp(px, { raw: info }).removeAlpha().raw().toBuffer();
      row.lossless = back.equals(rgb);
    }
  }
}
console.log(`\nPNG encoders on ${pictures.length} bench pictures (${pictures[0].info.width}x${pictures[0].info.height}); CPU ms and MB per picture, median of 3 rounds\n`);
const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'encoder'.padEnd(width)}  CPU ms     MB  pixels`);
for (const r of rows) console.log(`${r.name.padEnd(width)}  ${median(r.ms).toFixed(1).padStart(6)}  ${(r.bytes / 1e6).toFixed(2).padStart(5)}  ${r.lossless ? 'lossless' : 'DIFFER'}`);
await rm(tmp, { recursive: true, force: true });
