// Builds the benchmark dataset: photo-like JPEGs (textures and noise, so the encoder works as on photos),
// 8-12 candidates, ~2 KB reasoning with marks. Deterministic: a seeded PRNG, no clock.
import { open, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 1024x1024-ish JPEG: smooth gradients, blobs of colour, fine noise. */
async function photoLikeJpeg(rand, width, height) {
  const raw = Buffer.alloc(width * height * 3);
  const blobs = Array.from({ length: 14 }, () => ({
    x: rand() * width, y: rand() * height, r: 60 + rand() * 260,
    c: [rand() * 255, rand() * 255, rand() * 255],
  }));
  const base = [rand() * 120, rand() * 120, rand() * 120];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = base[0] + (x / width) * 80, g = base[1] + (y / height) * 80, b = base[2] + 40;
      for (const blob of blobs) {
        const d2 = (x - blob.x) ** 2 + (y - blob.y) ** 2;
        if (d2 < blob.r * blob.r) {
          const w = 1 - d2 / (blob.r * blob.r);
          r += (blob.c[0] - r) * w; g += (blob.c[1] - g) * w; b += (blob.c[2] - b) * w;
        }
      }
      // Texture: a fine sinusoidal weave plus noise, like fabric or foliage in photos.
      const tex = Math.sin(x * 0.31 + y * 0.17) * 10 + (rand() - 0.5) * 34;
      const i = (y * width + x) * 3;
      raw[i] = Math.max(0, Math.min(255, r + tex));
      raw[i + 1] = Math.max(0, Math.min(255, g + tex));
      raw[i + 2] = Math.max(0, Math.min(255, b + tex));
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

const CLOTHES = ['red shirt', 'blue jacket', 'white T-shirt', 'black coat', 'green sweater', 'yellow dress', 'grey hoodie'];
const PLACES = ['on the far left', 'left of centre', 'in the middle', 'right of centre', 'on the far right', 'in the back'];

function think(rand, n, targets) {
  const expr = 'the person wearing a red shirt';
  const lines = [];
  lines.push(`OK, the user needs us to detect ${expr}. To accomplish this task, I need to break it down into the following steps:`);
  lines.push('- Step 1: Check the colour of the shirt each person is wearing.', '- Step 2: Confirm the garment is a shirt.', '');
  lines.push('# Step 1: Check the colour of the shirt each person is wearing.');
  lines.push(`I see ${n} people in this image. Let me check each of them:`);
  const kept = [];
  for (let p = 1; p <= n; p++) {
    const hit = targets.includes(p - 1) || rand() < 0.2;
    if (hit) kept.push(p);
    const cloth = targets.includes(p - 1) ? 'red shirt' : CLOTHES[1 + Math.floor(rand() * (CLOTHES.length - 1))];
    lines.push(`- Person ${p}: Standing ${PLACES[Math.floor(rand() * PLACES.length)]}, wearing a ${cloth} and dark trousers. → ${hit ? '⚠️' : '❌'}`);
  }
  lines.push('', '# Step 2: Confirm the garment is a shirt.');
  lines.push('Now I look closer at the people kept from step 1:');
  for (const p of kept) {
    const t = targets.includes(p - 1);
    lines.push(`- Person ${p}: ${t ? 'The red garment has buttons and a collar, clearly a shirt.' : 'The red item is a scarf over a jacket, not a shirt.'} → ${t ? '✅' : '❌'}`);
  }
  lines.push('', '# Summarize and Re-Check answer');
  lines.push("Let's now recheck our answer and put ✅ for the target person and ❌ for others");
  for (let p = 1; p <= n; p++) {
    const t = targets.includes(p - 1);
    lines.push(`- Person ${p}: ${t ? 'Wears a red shirt, matches the description' : 'Does not wear a red shirt'} → ${t ? '✅' : '❌'}`);
  }
  return { expr, text: lines.join('\n') };
}

const SIZE = 1024;
// Generating a JPEG costs ~0.3 s; datasets built with the same seed in one process share them.
const jpegCache = new Map();

/** The `count` distinct source JPEGs of a seed (sample s shows image s % count). */
export async function benchJpegs(count, seed = 7) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const key = `${seed}:${i}`;
    if (!jpegCache.has(key)) jpegCache.set(key, await photoLikeJpeg(mulberry32(seed * 1000 + i), SIZE, SIZE));
    out.push(jpegCache.get(key));
  }
  return out;
}

/**
 * Writes `<dir>/bench.{images,annotations}.tsv(.lineidx)` with `samples` samples over `distinctImages` images.
 * `imageBase` > 0 makes a sparse images TSV whose lines start beyond that byte offset (e.g. 4.3 GB).
 * The same seed gives the same samples whatever `samples` and `imageBase` are (only the offsets differ).
 */
export async function makeBenchDataset(dir, { samples = 300, distinctImages = 24, imageBase = 0, seed = 7 } = {}) {
  await mkdir(dir, { recursive: true });
  const rand = mulberry32(seed);
  const size = SIZE;
  const jpegs = await benchJpegs(distinctImages, seed);
  const images = jpegs.map((j) => j.toString('base64'));

  const imgPath = path.join(dir, 'bench.images.tsv');
  const annPath = path.join(dir, 'bench.annotations.tsv');
  const imgFile = await open(imgPath, 'w');
  let imgPos = imageBase;
  // The reader checks that the byte before a line offset is a newline; in a sparse file that byte is a hole (0).
  if (imageBase > 0) await imgFile.write(Buffer.from('\n'), 0, 1, imageBase - 1);
  const ann = [];
  const annIdx = [];
  let annPos = 0;
  for (let s = 0; s < samples; s++) {
    const line = Buffer.from(`bench-${s}\t${images[s % distinctImages]}\n`);
    await imgFile.write(line, 0, line.length, imgPos);
    const n = 8 + Math.floor(rand() * 5);
    const boxes = Array.from({ length: n }, () => {
      const w = 60 + rand() * 200, h = 200 + rand() * 500;
      return [rand() * (size - w), rand() * (size - h), w, h].map((v) => Math.round(v * 1000) / 1000);
    });
    const targets = [Math.floor(rand() * n)];
    const { expr, text } = think(rand, n, targets);
    const json = JSON.stringify({ gt_boxes: boxes, region_map: { [expr]: targets }, think: text });
    const annLine = Buffer.from(`${imgPos}\t${json}\n`);
    ann.push(annLine);
    annIdx.push(annPos);
    annPos += annLine.length;
    imgPos += line.length;
  }
  await imgFile.close();
  await writeFile(annPath, Buffer.concat(ann));
  await writeFile(`${annPath}.lineidx`, annIdx.map((o) => `${o}\n`).join(''));
  return { imgTsv: imgPath, annTsv: annPath, annLineidx: `${annPath}.lineidx`, images: jpegs, samples };
}
