// Where one picture's CPU time goes, stage by stage: renders bench samples one at a time in this process and
// measures each stage's CPU time (all threads: sharp's work counts where it happens) and wall time.
// Usage: node test/bench/stages.mjs [samples=40]   (or import { measureStages } and pass a dataset)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseChainOfThought } from '../../dist/cot/parse.js';
import { Dataset } from '../../dist/dataset/dataset.js';
import { decodePixels, probeImage } from '../../dist/render/decode.js';
import { encodeRgba } from '../../dist/render/encode.js';
import { getDetailedRenderer } from '../../dist/render/render.js';
import { makeBenchDataset } from './dataset.mjs';
import { median } from './measure.mjs';

const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Per-stage medians (ms per picture, CPU and wall) over `count` samples of the dataset, after 3 warm-up samples.
 * "draw" is the whole render (decode, layout, text, boxes, canvas copy, encode) minus the stages measured alone.
 */
export async function measureStages(data, count, outDir) {
  const dataset = await Dataset.open({ name: 'bench', imagesTsv: data.imgTsv, annotationsTsv: data.annTsv, annotationsLineidx: data.annLineidx });
  const renderer = await getDetailedRenderer();
  const rows = { read: [], parse: [], decode: [], encode: [], render: [], write: [] };
  const wall = { read: [], parse: [], decode: [], encode: [], render: [], write: [] };
  const time = async (stage, fn, keep) => {
    const c = cpuNow();
    const t = performance.now();
    const result = await fn();
    if (keep) {
      rows[stage].push(cpuNow() - c);
      wall[stage].push(performance.now() - t);
    }
    return result;
  };
  try {
    for (let i = 0; i < count + 3; i++) {
      const keep = i >= 3;
      const sample = await time('read', () => dataset.readSample(i % dataset.length), keep);
      const { annotation } = sample;
      const cot = await time('parse', () => parseChainOfThought(annotation.think, annotation.gtBoxes.length, annotation.regionMap), keep);
      const probe = await probeImage(sample, 2048);
      await time('decode', () => decodePixels(sample, probe), keep);
      const { image } = await time('render', () => renderer.renderDetailed(sample, cot, { format: 'png' }), keep);
      // The encoder alone, on pixels of the same size (a grey picture would compress differently: decode ours).
      const { default: sharp } = await import('sharp');
      const rgba = await sharp(image.data).ensureAlpha().raw().toBuffer();
      await time('encode', () => encodeRgba(rgba, image.width, image.height, 'png', false), keep);
      await time('write', () => writeFile(path.join(outDir, `stage-${i % 8}.png`), image.data), keep);
    }
  } finally {
    await dataset.close();
  }
  const out = {};
  for (const stage of Object.keys(rows)) out[stage] = { cpuMs: median(rows[stage]), wallMs: median(wall[stage]) };
  // The render includes decode and encode; what is left is layout, text, boxes and the canvas copy.
  out.draw = { cpuMs: out.render.cpuMs - out.decode.cpuMs - out.encode.cpuMs, wallMs: out.render.wallMs - out.decode.wallMs - out.encode.wallMs };
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 40);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'humanref-stages-'));
  try {
    const data = await makeBenchDataset(path.join(tmp, 'data'), { samples: 50 });
    const stages = await measureStages(data, count, tmp);
    console.log(`\nstage      CPU ms  wall ms   (median over ${count} pictures, one at a time)`);
    for (const [stage, v] of Object.entries(stages)) console.log(`${stage.padEnd(10)}${v.cpuMs.toFixed(1).padStart(7)}${v.wallMs.toFixed(1).padStart(9)}`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
