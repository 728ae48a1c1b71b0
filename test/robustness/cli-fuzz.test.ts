// Mutated samples through the whole built CLI: it keeps going, lists each broken sample with its place, and leaves a consistent folder.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, decodeFully, isImage, isTemp, listFiles, readManifest } from './cli.js';
import { fuzzSeed, loadCorpus, plainAnnotation, prng, tempDir, writeEntries, type Entry, type WrittenSplit } from './corpus.js';
import { mutant } from './mutate.js';

const corpus = loadCorpus();
const SEED = fuzzSeed(20261128) + 200;
const COUNT = 40;

let dir: string;
let cleanup: () => Promise<void>;
let split: WrittenSplit;
const names: string[] = [];
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('cli-fuzz'));
  const rand = prng(SEED);
  const entries: Entry[] = [];
  for (let i = 0; i < COUNT; i++) {
    const source = corpus[i % corpus.length];
    // Every third sample intact; the last one too, so the .lineidx never points at the end of the file.
    if (i % 3 === 0 || i === COUNT - 1) {
      names.push('intact');
      entries.push({ annotationLine: plainAnnotation(source.json), imageLine: source.imageLine });
    } else {
      const m = mutant(rand, source);
      names.push(m.name);
      entries.push(m.entry);
    }
  }
  // A joined line drags the line start after it along (images are stored in reverse order): that sample is collateral.
  entries.forEach((e, i) => {
    if (e.annNewline === false && names[i + 1] === 'intact') names[i + 1] = `collateral of ${i}`;
    if (e.imgNewline === false && names[i - 1] === 'intact') names[i - 1] = `collateral of ${i}`;
  });
  split = await writeEntries(dir, 'fuzz', entries);
});
afterAll(() => cleanup());

describe(`visualize over ${COUNT} mutated samples (seed ${SEED})`, () => {
  it('exits 0 or 1, never crashes; each failure is one listed line with sample and byte offset; the folder is consistent', async () => {
    const out = join(dir, 'out');
    const r = await cli(['--ann-tsv', split.annotationsTsv, '--img-tsv', split.imagesTsv, '--num-vis', 'all', '--output-dir', out, '--fast', '--concurrency', '2'], {
      cwd: dir,
      timeoutMs: 50_000,
    });
    const context = `seed ${SEED}\n${names.map((n, i) => `${i}: ${n}`).join('\n')}\n${r.stderr}`;
    expect([0, 1], context).toContain(r.code);
    expect(r.stderr).not.toMatch(/unexpected error|internal error/);
    const rows = await readManifest(out);
    expect(rows.map((row) => Number(row.index))).toEqual(Array.from({ length: COUNT }, (_, i) => i));
    for (const row of rows.filter((x) => x.status === 'failed')) {
      expect(row.error, `sample ${row.index} (${names[Number(row.index)]})`).toMatch(new RegExp(`, sample ${row.index}, byte offset \\d+: [^\\n\\r]+\\. \\S`));
    }
    const failed = rows.filter((x) => x.status === 'failed').length;
    expect(r.stderr).toContain(`${COUNT - failed} rendered, ${failed} failed`);
    expect(r.code).toBe(failed > 0 ? 1 : 0);
    for (const row of rows.filter((x) => names[Number(x.index)] === 'intact')) expect(row.status, `intact sample ${row.index}`).toBe('rendered');
    const files = await listFiles(out);
    expect(files.filter(isTemp)).toEqual([]);
    expect(files.filter(isImage)).toEqual(rows.filter((x) => x.status === 'rendered').map((x) => x.file));
    for (const f of files.filter(isImage)) await decodeFully(join(out, f));
  });
});
