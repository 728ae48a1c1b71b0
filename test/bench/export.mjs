// `node test/bench/export.mjs [--samples 45000] [--formats tsv,sft,grpo] [--keep]`, after a build: a synthetic split of
// that many samples in a temp folder (small JPEGs so the disk is not the subject), then each export format at a tenth
// of the samples and at all of them, in a child process each: wall time, samples/s and peak RSS. Flat memory means
// the peak RSS of the full run stays near the tenth's, whatever the count.
import { mkdir, mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { mulberry32 } from '../../fixtures/gen/prng.mjs';

const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const samples = Number(arg('--samples', '45000'));
const formats = arg('--formats', 'tsv,sft,grpo').split(',');
const CHILD = fileURLToPath(new URL('./child.mjs', import.meta.url));
const log = (text) => process.stderr.write(`bench export: ${text}\n`);

/** `<dir>/humanref_cot.*`: one image line per sample (as the real data), 4-10 candidates, a short reasoning with marks. */
async function makeSplit(dir, count) {
  const rand = mulberry32(11);
  const width = 160;
  const height = 120;
  const jpegs = [];
  for (let i = 0; i < 16; i++) {
    const raw = Buffer.alloc(width * height * 3);
    for (let p = 0; p < raw.length; p++) raw[p] = (p * (i + 3) + Math.floor(rand() * 40)) & 0xff;
    jpegs.push((await sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer()).toString('base64'));
  }
  const img = await open(path.join(dir, 'humanref_cot.images.tsv'), 'w');
  const ann = await open(path.join(dir, 'humanref_cot.annotations.tsv'), 'w');
  const idx = await open(path.join(dir, 'humanref_cot.annotations.tsv.lineidx'), 'w');
  let imgPos = 0;
  let annPos = 0;
  for (let s = 0; s < count; s++) {
    const imageLine = `${s}\t${jpegs[s % jpegs.length]}\n`;
    const n = 4 + Math.floor(rand() * 7);
    const boxes = Array.from({ length: n }, () => [rand() * 120, rand() * 80, 10 + rand() * 30, 20 + rand() * 30].map((v) => Math.round(v * 1000) / 1000));
    const target = Math.floor(rand() * n);
    const lines = Array.from({ length: n }, (_, p) => `- Person ${p + 1}: standing, wearing a ${p === target ? 'red' : 'blue'} shirt. → ${p === target ? '✅' : '❌'}`);
    const think = `OK, the user needs us to detect the person in a red shirt. To accomplish this task, I need to break it down into the following steps:\n- Step 1: Find the red shirt.\n\n# Step 1: Find the red shirt.\n${lines.join('\n')}\n\n# Summarize and Re-Check answer\nLet's now recheck our answer and put ✅ for the target person and ❌ for others\n${lines.join('\n')}`;
    const annLine = `${imgPos}\t${JSON.stringify({ gt_boxes: boxes, region_map: { 'the person in a red shirt': [target] }, think })}\n`;
    await img.write(imageLine);
    await ann.write(annLine);
    await idx.write(`${annPos}\n`);
    imgPos += Buffer.byteLength(imageLine);
    annPos += Buffer.byteLength(annLine);
  }
  await Promise.all([img.close(), ann.close(), idx.close()]);
  return { imagesBytes: imgPos, annotationsBytes: annPos };
}

function runExport(dataDir, outDir, format, numVis, rssFile) {
  const started = performance.now();
  const child = spawn(process.execPath, [CHILD, 'export', '--to', format, '--data-dir', dataDir, '--num-vis', String(numVis), '--output-dir', outDir, '--quiet'], {
    env: { UV_THREADPOOL_SIZE: String(Math.max(4, os.availableParallelism() + 1)), ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`export --to ${format} exited with ${code}:\n${stderr}`));
      resolve({ wallMs: performance.now() - started, peakRss: JSON.parse(readFileSync(rssFile, 'utf8')).peakRss });
    });
  });
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'humanref-export-bench-'));
try {
  const dataDir = path.join(tmp, 'data');
  await mkdir(dataDir);
  let t = performance.now();
  const sizes = await makeSplit(dataDir, samples);
  log(`${samples} samples generated in ${((performance.now() - t) / 1000).toFixed(1)} s (${(sizes.imagesBytes / 1e6).toFixed(0)} MB images, ${(sizes.annotationsBytes / 1e6).toFixed(0)} MB annotations) in ${tmp}`);
  const results = [];
  for (const format of formats) {
    for (const count of [Math.ceil(samples / 10), samples]) {
      const out = path.join(tmp, `out-${format}-${count}`);
      // child.mjs watches the output folder from its start.
      await mkdir(out);
      const r = await runExport(dataDir, out, format, count, path.join(tmp, 'rss.json'));
      const mainFile = { tsv: 'humanref_cot.images.tsv', sft: 'sft.jsonl', grpo: 'grpo.parquet' }[format];
      const bytes = (await stat(path.join(out, mainFile))).size;
      results.push({ format, samples: count, seconds: r.wallMs / 1000, perSecond: count / (r.wallMs / 1000), peakRssMb: r.peakRss / 2 ** 20, outputMb: bytes / 1e6 });
      log(`--to ${format} ${count}: ${(r.wallMs / 1000).toFixed(1)} s, ${(count / (r.wallMs / 1000)).toFixed(0)} samples/s, peak RSS ${(r.peakRss / 2 ** 20).toFixed(0)} MB, ${mainFile} ${(bytes / 1e6).toFixed(1)} MB`);
      await rm(out, { recursive: true, force: true });
    }
  }
  console.log('| format | samples | s | samples/s | peak RSS MB | main file MB |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) console.log(`| ${r.format} | ${r.samples} | ${r.seconds.toFixed(1)} | ${r.perSecond.toFixed(0)} | ${r.peakRssMb.toFixed(0)} | ${r.outputMb.toFixed(1)} |`);
  await writeFile(path.join(os.tmpdir(), 'humanref-export-bench.json'), JSON.stringify(results, null, 2));
} finally {
  if (!argv.includes('--keep')) await rm(tmp, { recursive: true, force: true });
}
