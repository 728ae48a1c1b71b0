// --workers: drawing in threads writes the same files as drawing on the main thread (visualize and eval); bad values
// are usage errors; a sample too big for a thread fails alone, before it reaches one.
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, FIXTURES, tempCwd } from './cli.js';

let cwd: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir: cwd, cleanup } = await tempCwd());
});
afterAll(() => cleanup());

// What records the run itself (its time, its command line) rather than the samples.
const RUN_RECORDS = new Set(['index.html', 'run.json', 'viewer-index.js']);

/** Every file below `dir` (relative path -> bytes) but the run's own records; manifest.csv without its run column. */
async function contents(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (!entry.isFile() || RUN_RECORDS.has(path)) continue;
    let bytes = await readFile(join(dir, path));
    if (path === 'manifest.csv') bytes = Buffer.from(bytes.toString('utf8').replace(/,[^,\n]*$/gm, ''));
    out.set(path, bytes);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

describe('--workers', () => {
  it('0 (main thread), 2, and 1 thread taking 3 samples at once write byte-identical pictures, manifests and viewer data', async () => {
    const runs = [
      ['--workers', '0'],
      ['--workers', '2'],
      ['--workers', '1', '--concurrency', '3'],
    ];
    const outputs = [];
    for (const [k, args] of runs.entries()) {
      const r = await cliInProcess(['--num-vis', 'all', '--output-dir', `w${k}`, '--quiet', ...args], { cwd });
      expect(r.code, r.stderr).toBe(0);
      outputs.push(await contents(join(cwd, `w${k}`)));
    }
    const [reference, ...others] = outputs;
    expect([...reference.keys()].filter((f) => f.endsWith('.png')).length).toBeGreaterThan(5);
    for (const other of others) {
      expect([...other.keys()]).toEqual([...reference.keys()]);
      for (const [name, bytes] of reference) expect(other.get(name)!.equals(bytes), name).toBe(true);
    }
  });

  it('eval: 0 (main thread), 2, and 1 thread taking 3 pictures at once write byte-identical pictures', async () => {
    const evalArgs = ['eval', '--gt', join(FIXTURES, 'eval/annotations.jsonl'), '--pred', join(FIXTURES, 'eval/pred_model_a.jsonl'), join(FIXTURES, 'eval/pred_model_b.jsonl'), '--num-vis', 'all', '--quiet'];
    const runs = [
      ['--workers', '0'],
      ['--workers', '2'],
      ['--workers', '1', '--concurrency', '3'],
    ];
    const pictures = [];
    for (const [k, args] of runs.entries()) {
      const r = await cliInProcess([...evalArgs, '--output-dir', `e${k}`, ...args], { cwd });
      expect(r.code, r.stderr).toBe(0);
      pictures.push(new Map([...(await contents(join(cwd, `e${k}`)))].filter(([name]) => name.endsWith('.png'))));
    }
    const [reference, ...others] = pictures;
    // Every sample of the fixture, for each of the two models.
    expect(reference.size).toBeGreaterThan(20);
    for (const other of others) {
      expect([...other.keys()]).toEqual([...reference.keys()]);
      for (const [name, bytes] of reference) expect(other.get(name)!.equals(bytes), name).toBe(true);
    }
  });

  it('eval --workers 999 is a usage error (exit 2) naming the option', async () => {
    const r = await cliInProcess(['eval', '--gt', join(FIXTURES, 'eval/annotations.jsonl'), '--pred', join(FIXTURES, 'eval/pred_model_a.jsonl'), '--workers', '999'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers must be a whole number from 0/);
  });

  for (const bad of ['-1', 'two', '1.5', '999']) {
    it(`--workers ${bad} is a usage error (exit 2) naming the option`, async () => {
      const r = await cliInProcess(['--num-vis', '1', '--output-dir', 'bad', '--workers', bad], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--workers must be a whole number from 0/);
    });
  }
});

/** The bundled main split, with the reasoning of samples `huge` repeated to about `chars` characters. */
async function splitWithHugeThinks(dir: string, huge: readonly number[], chars: number): Promise<{ images: string; annotations: string; offsets: number[] }> {
  const stem = join(FIXTURES, 'sample/humanref_cot');
  const images = join(dir, 'huge.images.tsv');
  const annotations = join(dir, 'huge.annotations.tsv');
  await copyFile(`${stem}.images.tsv`, images);
  const lines = (await readFile(`${stem}.annotations.tsv`, 'utf8')).split('\n').filter(Boolean);
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const [i, line] of lines.entries()) {
    const tab = line.indexOf('\t');
    let json = line.slice(tab + 1);
    if (huge.includes(i)) {
      const annotation = JSON.parse(json) as { think: string };
      json = JSON.stringify({ ...annotation, think: annotation.think.repeat(Math.ceil(chars / annotation.think.length)) });
    }
    const bytes = Buffer.from(`${line.slice(0, tab)}\t${json}\n`);
    offsets.push(offset);
    offset += bytes.length;
    parts.push(bytes);
  }
  await writeFile(annotations, Buffer.concat(parts));
  await writeFile(`${annotations}.lineidx`, offsets.map((o) => `${o}\n`).join(''));
  return { images, annotations, offsets };
}

describe("a neighbour's memory", () => {
  // 60 MB of reasoning was what one drawing thread's bounded heap could not take twice at once: before the trace
  // limit, good samples drawn beside such samples failed with "JS heap out of memory". A trace over the limit is now
  // refused before it is sent to a thread, whatever its size, so 4 MB (four times the limit) takes the same road in
  // a fifth of the time; without the limit these samples would render, and the test fails.
  it('three samples with a reasoning over the trace limit among good ones (--workers 1 --concurrency 2): every good sample renders; each huge one fails alone, named with its byte offset', { timeout: 150_000 }, async () => {
    const huge = [1, 3, 4];
    const split = await splitWithHugeThinks(cwd, huge, 4_000_000);
    const r = await cliInProcess(['--img-tsv', split.images, '--ann-tsv', split.annotations, '--num-vis', 'all', '--workers', '1', '--concurrency', '2', '--output-dir', 'huge', '--quiet'], { cwd, timeoutMs: 140_000 });
    expect(r.code, r.stderr).toBe(1);
    const failed = r.stderr.split('\n').filter((l) => l.includes('failed:'));
    expect(failed).toHaveLength(huge.length);
    for (const i of huge) {
      expect(failed.some((l) => l.includes(`${split.annotations}, sample ${i}, byte offset ${split.offsets[i]}: the reasoning is 4`) && l.includes('characters long, over the 1048576'))).toBe(true);
    }
    const pictures = (await readdir(join(cwd, 'huge'))).filter((f) => f.endsWith('.png')).sort();
    const good = split.offsets.map((_, i) => i).filter((i) => !huge.includes(i));
    expect(pictures).toEqual(good.map((i) => `huge_${String(i).padStart(6, '0')}.png`));
  });
});
