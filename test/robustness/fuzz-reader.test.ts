// Fuzz: thousands of mutated fixture lines through Dataset; each read is a well-typed Sample or a one-line DataError, never a crash or a hang.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/parse.js';
import { Dataset } from '../../src/dataset/dataset.js';
import { DataError } from '../../src/errors.js';
import { errorViolations, sampleViolations } from './contract.js';
import { fuzzSeed, loadCorpus, plainAnnotation, prng, withTimeout, writeEntries, type CorpusSample, type Entry, type WrittenSplit } from './corpus.js';
import { tempDirForFile } from '../cli.js';
import { mutant, mutateBytes } from './mutate.js';

const corpus = loadCorpus();
const SEED = fuzzSeed(20261128);
// Many mutants per split keeps file I/O low; the count is bounded so the suite stays well under a minute.
const SPLITS = 16;
const PER_SPLIT = 150;
const READ_TIMEOUT_MS = 5_000;

const tmp = tempDirForFile('fuzz');

interface Planned {
  entry: Entry;
  /** null: the sample is intact and untouched by its neighbours, so it must read back exactly. */
  mutation: string | null;
  source: CorpusSample;
}

function plan(rand: () => number, count: number, goodShare: number): Planned[] {
  const out: Planned[] = [];
  for (let i = 0; i < count; i++) {
    const source = corpus[Math.floor(rand() * corpus.length)];
    // The last sample stays intact, so a mutation can never leave the .lineidx pointing at the end of the file.
    if (i === count - 1 || rand() < goodShare) {
      out.push({ entry: { annotationLine: plainAnnotation(source.json), imageLine: source.imageLine }, mutation: null, source });
    } else {
      const m = mutant(rand, source);
      out.push({ entry: m.entry, mutation: m.name, source });
    }
  }
  // A joined line takes the line start after it along: that sample is collateral, not intact.
  // (writeEntries stores images in reverse order, so the image line after sample i's is sample i-1's.)
  const taint = (i: number, by: number) => {
    if (i >= 0 && i < out.length && out[i].mutation === null) out[i].mutation = `collateral of sample ${by}: ${out[by].mutation}`;
  };
  out.forEach((p, i) => {
    if (p.entry.annNewline === false) taint(i + 1, i);
    if (p.entry.imgNewline === false) taint(i - 1, i);
  });
  return out;
}

/** Reads every sample of the split; returns the violations of the contract, each naming seed, split, sample and mutation. */
async function readAndCheck(split: WrittenSplit, planned: Planned[] | null, label: string, moreFiles: readonly string[] = []): Promise<{ problems: string[]; read: number; refused: number }> {
  const problems: string[] = [];
  let read = 0;
  let refused = 0;
  const dataset = await Dataset.open(split);
  try {
    for (let i = 0; i < dataset.length; i++) {
      const p = planned?.[i];
      const what = `${label} sample ${i} (${p ? (p.mutation ?? 'intact') : 'scanned'})`;
      try {
        const sample = await withTimeout(dataset.readSample(i), READ_TIMEOUT_MS, `reading ${what}`);
        read++;
        const annOffset = dataset.annOffset(i);
        for (const v of sampleViolations(sample, i, annOffset, split.imagesSize)) problems.push(`${what}: ${v}`);
        const { gtBoxes, regionMap, think } = sample.annotation;
        const cot = parseChainOfThought(think, gtBoxes.length, regionMap);
        const internal = cot.warnings.filter((w) => w.startsWith('internal'));
        if (internal.length > 0) problems.push(`${what}: parseChainOfThought: ${internal.join(' | ')}`);
        if (p && p.mutation === null) {
          const s = p.source;
          const same =
            JSON.stringify([sample.annotation.gtBoxes, sample.annotation.regionMap, sample.annotation.think, sample.imageKey]) ===
              JSON.stringify([s.annotation.gtBoxes, s.annotation.regionMap, s.annotation.think, s.key]) &&
            sample.image.equals(s.image) &&
            sample.imgOffset === split.imgOffsets[i];
          if (!same) problems.push(`${what}: an intact sample did not read back as stored (${s.split} ${s.index})`);
        }
      } catch (error) {
        refused++;
        if (p && p.mutation === null) problems.push(`${what}: an intact sample was refused: ${(error as Error).message}`);
        for (const v of errorViolations(error, i, [split.annotationsTsv, split.imagesTsv, ...moreFiles])) problems.push(`${what}: ${v}`);
      }
    }
  } finally {
    await dataset.close();
  }
  return { problems, read, refused };
}

describe(`reader fuzz (seed ${SEED}; replay with HUMANREF_FUZZ_SEED=${SEED})`, () => {
  it(`${SPLITS * PER_SPLIT} mutated samples: intact ones read back exactly, every other read is a Sample or a one-line DataError`, async () => {
    const rand = prng(SEED);
    const problems: string[] = [];
    let read = 0;
    let refused = 0;
    let mutated = 0;
    for (let s = 0; s < SPLITS; s++) {
      const planned = plan(rand, PER_SPLIT, 0.2);
      mutated += planned.filter((p) => p.mutation !== null).length;
      const split = await writeEntries(tmp.dir, `fuzz${s}`, planned.map((p) => p.entry));
      const r = await readAndCheck(split, planned, `seed ${SEED} split ${s}`);
      problems.push(...r.problems);
      read += r.read;
      refused += r.refused;
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(read + refused).toBe(SPLITS * PER_SPLIT);
    // The mutations must bite, and leave plenty readable: a sanity check on the fuzzer itself.
    expect(mutated).toBeGreaterThan(SPLITS * PER_SPLIT * 0.7);
    expect(refused).toBeGreaterThan(mutated * 0.4);
    expect(read).toBeGreaterThan(SPLITS * PER_SPLIT * 0.25);
  });

  it('without a .lineidx (the index is scanned), joined and split lines still give a Sample or a DataError per line', async () => {
    const rand = prng(SEED + 1);
    const problems: string[] = [];
    for (let s = 0; s < 3; s++) {
      const planned = plan(rand, 100, 0.2);
      const split = await writeEntries(tmp.dir, `scan${s}`, planned.map((p) => p.entry), { lineidx: false });
      const r = await readAndCheck(split, null, `seed ${SEED + 1} scanned split ${s}`);
      problems.push(...r.problems);
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('a mutated .lineidx either opens (and every read keeps the contract; a bad entry fails only its sample, naming the .lineidx) or is refused with one line naming it', async () => {
    const rand = prng(SEED + 2);
    const entries = corpus.slice(0, 12).map((s) => ({ annotationLine: plainAnnotation(s.json), imageLine: s.imageLine }));
    const split = await writeEntries(tmp.dir, 'lineidx', entries);
    const original = Buffer.from(split.annOffsets.map((o) => `${o}\n`).join(''));
    const problems: string[] = [];
    let refusedFiles = 0;
    let refusedSamples = 0;
    for (let k = 0; k < 300; k++) {
      const m = mutateBytes(rand, original);
      await writeFile(split.annotationsLineidx!, m.bytes);
      const what = `seed ${SEED + 2} lineidx mutation ${k} (${m.name})`;
      let dataset: Dataset;
      try {
        dataset = await Dataset.open(split);
      } catch (error) {
        refusedFiles++;
        if (!(error instanceof DataError)) problems.push(`${what}: not a DataError: ${String(error)}`);
        else if (error.where.file !== split.annotationsLineidx || /[\n\r]/.test(error.message) || !error.hint) problems.push(`${what}: ${JSON.stringify(error.message)}`);
        continue;
      }
      await dataset.close();
      const r = await readAndCheck(split, null, what, [split.annotationsLineidx!]);
      problems.push(...r.problems);
      refusedSamples += r.refused;
    }
    expect(problems.slice(0, 20)).toEqual([]);
    // The mutations do break things: samples (or whole files, when unreadable) are refused.
    expect(refusedFiles + refusedSamples).toBeGreaterThan(30);
  });
});
