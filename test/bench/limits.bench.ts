// How fast the limits hold and how much memory they take: the timing and RSS parts of test/robustness/limits.test.ts and
// test/render/render-limits.test.ts (those tests keep the behaviour). Run: npx vitest bench --run --config test/vitest.config.ts test/bench/limits.bench.ts
// Targets (2 cores): a bomb refused < 3 s; a 300 MB line refused < 15 s holding < 100 MB more RSS (from the .lineidx alone: < 2 s, < 64 MB);
// a 2 MB think parsed < 5 s and refused by the renderer < 1 s; 5000 boxes rendered < 5 s; the longest trace laid out < 5 s.
import { open, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { parseAnnotationCot, parseChainOfThought } from '../../src/cot/parse.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { getRenderer } from '../../src/render/index.js';
import type { Sample, SplitPaths } from '../../src/types.js';
import { tempDirForFile } from '../cli.js';
import { writeEntries } from '../tsv.js';
import { gridBoxes, longThink, makeSample, noisyJpeg } from '../render/_helpers.js';
import { loadCorpus, plainAnnotation } from '../robustness/corpus.js';
import { jpegWithSize, pngBomb } from '../robustness/images.js';

const MB = 1024 * 1024;
const jpeg = loadCorpus().find((s) => s.image[0] === 0xff)!;
const bigThink = jpeg.annotation.think.repeat(Math.ceil(2_000_000 / jpeg.annotation.think.length));
const peakRss: Record<string, number> = {};

const tmp = tempDirForFile('bench-limits');
let longImageLine: SplitPaths;
let longAnnotationLine: SplitPaths;
beforeAll(async () => {
  const sparse = async (path: string, head: string, size: number) => {
    await writeFile(path, head);
    const handle = await open(path, 'r+');
    await handle.truncate(size);
    await handle.close();
  };
  longImageLine = await writeEntries(tmp.dir, 'long-image', [{ annotationLine: plainAnnotation(jpeg.json), imageLine: Buffer.from('k\t') }]);
  await sparse(longImageLine.imagesTsv, `k\t${jpeg.image.toString('base64')}`, 300 * MB);
  longAnnotationLine = await writeEntries(tmp.dir, 'long-annotation', [{ annotationLine: plainAnnotation(jpeg.json), imageLine: jpeg.imageLine }]);
  await sparse(longAnnotationLine.annotationsTsv, `0\t${jpeg.json.toString('utf8')}`, 300 * MB + 10);
  await writeFile(longAnnotationLine.annotationsLineidx!, `0\n${300 * MB}\n`);
});
afterAll(async () => {
  for (const [what, bytes] of Object.entries(peakRss)) console.log(`RSS growth, ${what}: ${(bytes / MB).toFixed(1)} MB`);
});

/** Reads sample 0 expecting a refusal; records how much the RSS grew. */
async function refuse(paths: SplitPaths, what: string): Promise<void> {
  const before = process.memoryUsage().rss;
  const dataset = await Dataset.open(paths);
  try {
    await dataset.readSample(0).then(
      () => Promise.reject(new Error(`${what}: expected a refusal`)),
      () => undefined,
    );
  } finally {
    await dataset.close();
  }
  peakRss[what] = Math.max(peakRss[what] ?? 0, process.memoryUsage().rss - before);
}

function sampleWith(overrides: Partial<Sample>): Sample {
  return { split: 'main', index: 0, annOffset: 0, imgOffset: 0, annotation: { ...jpeg.annotation, extra: {} }, imageKey: 'k', image: jpeg.image, imageFormat: 'jpeg', ...overrides };
}

describe('refusals', () => {
  bench('renderer refuses a PNG bomb (100000×100000) from its header', async () => {
    const renderer = await getRenderer();
    await renderer.render(sampleWith({ image: pngBomb(100_000, 100_000), imageFormat: 'png' }), parseAnnotationCot(jpeg.annotation)).catch(() => undefined);
  });
  bench('renderer refuses a JPEG bomb (65000×65000) from its header', async () => {
    const renderer = await getRenderer();
    await renderer.render(sampleWith({ image: jpegWithSize(jpeg.image, 65000, 65000) }), parseAnnotationCot(jpeg.annotation)).catch(() => undefined);
  });
  bench('reader refuses a 300 MB image line (default 256 MiB limit)', () => refuse(longImageLine, '300 MB image line'), { iterations: 3 });
  bench('reader refuses a 300 MB annotation line from the .lineidx', () => refuse(longAnnotationLine, '300 MB annotation line'));
  bench('renderer refuses a 2 MB think', async () => {
    const renderer = await getRenderer();
    const annotation = { ...jpeg.annotation, think: bigThink, extra: {} };
    await renderer.render(sampleWith({ annotation }), parseAnnotationCot(annotation)).catch(() => undefined);
  });
});

describe('big inputs', () => {
  bench('parse a 2 MB think', () => {
    parseChainOfThought(bigThink, jpeg.annotation.gtBoxes.length, jpeg.annotation.regionMap);
  }, { iterations: 3 });
  bench('render 5000 boxes', async () => {
    const renderer = await getRenderer();
    const gtBoxes = Array.from({ length: 5000 }, (_, i): [number, number, number, number] => [i % 700, i % 400, 30, 30]);
    await renderer.render(sampleWith({ annotation: { ...jpeg.annotation, gtBoxes, extra: {} } }), parseChainOfThought(jpeg.annotation.think, gtBoxes.length, jpeg.annotation.regionMap), { fast: true });
  }, { iterations: 3 });
  bench('render the longest trace (40 candidates, > 7500 characters)', async () => {
    const renderer = await getRenderer();
    const think = longThink(40);
    const rm = { 'the person wearing a red helmet and riding a bicycle': [6, 20, 27, 34] };
    await renderer.render(makeSample(await noisyJpeg(1280, 960), gridBoxes(40, 1280, 960), think, rm), parseChainOfThought(think, 40, rm));
  }, { iterations: 3 });
});
