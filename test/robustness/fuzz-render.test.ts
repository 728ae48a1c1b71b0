// Fuzz through the renderer: every sample the reader accepts either renders or is refused with a one-line DataError; nothing else.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseAnnotationCot } from '../../src/cot/parse.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { getRenderer } from '../../src/render/index.js';
import { errorViolations } from './contract.js';
import { fuzzSeed, loadCorpus, plainAnnotation, prng, withTimeout, writeEntries, type Entry } from './corpus.js';
import { tempDirForFile } from '../cli.js';
import { mutateImage, mutateJson } from './mutate.js';

const corpus = loadCorpus();
const SEED = fuzzSeed(20261128) + 100;
// Rendering costs ~50-150 ms a sample: a few dozen mutants keep this file at a few seconds.
const COUNT = 48;
const RENDER_TIMEOUT_MS = 15_000;

const tmp = tempDirForFile('fuzz-render');

describe(`render fuzz (seed ${SEED})`, () => {
  it(`${COUNT} mutated samples (JSON types, hostile text, broken and bomb images): rendered or refused with a one-line DataError`, async () => {
    const rand = prng(SEED);
    const names: string[] = [];
    const entries: Entry[] = [];
    for (let i = 0; i < COUNT; i++) {
      const source = corpus[i % corpus.length];
      // Mutations that keep the annotation readable, so they reach the renderer; JSON and image ones alternate.
      if (i % 2 === 0) {
        const m = mutateImage(rand, source);
        names.push(m.name);
        entries.push({ annotationLine: plainAnnotation(source.json), imageLine: m.line });
      } else {
        const m = mutateJson(rand, source);
        names.push(`JSON ${m.name}`);
        entries.push({ annotationLine: plainAnnotation(m.json), imageLine: source.imageLine });
      }
    }
    const split = await writeEntries(tmp.dir, 'render', entries);
    const renderer = await getRenderer();
    const dataset = await Dataset.open(split);
    const problems: string[] = [];
    let rendered = 0;
    let refused = 0;
    try {
      for (let i = 0; i < COUNT; i++) {
        const what = `seed ${SEED} sample ${i} (${names[i]})`;
        let sample;
        try {
          sample = await dataset.readSample(i);
        } catch {
          continue; // the reader's side is fuzz-reader's business
        }
        const cot = parseAnnotationCot(sample.annotation);
        try {
          const image = await withTimeout(renderer.render(sample, cot, { fast: true }), RENDER_TIMEOUT_MS, `rendering ${what}`);
          const meta = await sharp(image.data).metadata();
          if (meta.width !== image.width || meta.height !== image.height) problems.push(`${what}: the PNG is ${meta.width}×${meta.height}, not ${image.width}×${image.height}`);
          rendered++;
        } catch (error) {
          refused++;
          // Samples from the reader carry their files: the renderer names the real path.
          for (const v of errorViolations(error, i, [split.imagesTsv, split.annotationsTsv])) problems.push(`${what}: ${v}`);
        }
      }
    } finally {
      await dataset.close();
    }
    expect(problems).toEqual([]);
    expect(rendered).toBeGreaterThan(COUNT / 6);
    expect(refused).toBeGreaterThan(0);
  });
});
