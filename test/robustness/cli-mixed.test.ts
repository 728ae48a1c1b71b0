// A split with broken samples mixed in: every good sample is rendered, the run exits 1, the summary names each broken one.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, decodeFully, isImage, isTemp, listFiles, readManifest } from './cli.js';
import { loadCorpus, plainAnnotation, tempDir, writeEntries, type Entry, type WrittenSplit } from './corpus.js';
import { jpegWithSize } from './images.js';

const corpus = loadCorpus().filter((s) => s.split === 'main');

interface Broken {
  what: string;
  entry: Entry;
  /** Which file the error names and at which offset, once the split is written. */
  where: (split: WrittenSplit, index: number) => { file: string; offset: number };
}

const b64 = (bytes: Buffer) => bytes.toString('base64');
const atAnnotation = (split: WrittenSplit, i: number) => ({ file: split.annotationsTsv, offset: split.annOffsets[i] });
const atImage = (split: WrittenSplit, i: number) => ({ file: split.imagesTsv, offset: split.imgOffsets[i] });

function brokenSamples(): Broken[] {
  const s = (k: number) => corpus[k % corpus.length];
  const json = (k: number, edit: (v: Record<string, unknown>) => void) => {
    const v = JSON.parse(s(k).json.toString('utf8'));
    edit(v);
    return Buffer.from(JSON.stringify(v));
  };
  return [
    { what: 'invalid JSON', entry: { annotationLine: plainAnnotation(s(0).json.subarray(0, 200)), imageLine: s(0).imageLine }, where: atAnnotation },
    { what: 'a coordinate as a string', entry: { annotationLine: plainAnnotation(json(1, (v) => ((v.gt_boxes as unknown[][])[0][1] = '12.5'))), imageLine: s(1).imageLine }, where: atAnnotation },
    { what: 'a box of 5 numbers', entry: { annotationLine: plainAnnotation(json(2, (v) => ((v.gt_boxes as unknown[][])[0] = [1, 2, 3, 4, 5]))), imageLine: s(2).imageLine }, where: atAnnotation },
    { what: 'no tab', entry: { annotationLine: (o) => Buffer.concat([Buffer.from(String(o)), s(3).json]), imageLine: s(3).imageLine }, where: atAnnotation },
    {
      what: 'offset past EOF',
      entry: { annotationLine: (_, size) => Buffer.concat([Buffer.from(`${size + 10}\t`), s(4).json]), imageLine: s(4).imageLine },
      where: (split) => ({ file: split.imagesTsv, offset: split.imagesSize + 10 }),
    },
    {
      what: 'offset not at a line start',
      entry: { annotationLine: (o) => Buffer.concat([Buffer.from(`${o + 3}\t`), s(5).json]), imageLine: s(5).imageLine },
      where: (split, i) => ({ file: split.imagesTsv, offset: split.imgOffsets[i] + 3 }),
    },
    { what: 'bad base64', entry: { annotationLine: plainAnnotation(s(6).json), imageLine: Buffer.from(`k6\t${b64(s(6).image).slice(0, 100)}*${b64(s(6).image).slice(101)}`) }, where: atImage },
    { what: 'not an image', entry: { annotationLine: plainAnnotation(s(7).json), imageLine: Buffer.from(`k7\t${b64(Buffer.from('<html>not a picture</html>'))}`) }, where: atImage },
    {
      what: 'decompression bomb header',
      entry: { annotationLine: plainAnnotation(s(8).json), imageLine: Buffer.from(`k8\t${b64(jpegWithSize(s(8).image[0] === 0xff ? s(8).image : s(0).image, 65000, 65000))}`) },
      where: atImage,
    },
    {
      what: 'image truncated after its header',
      entry: { annotationLine: plainAnnotation(s(9).json), imageLine: Buffer.from(`k9\t${b64(s(0).image.subarray(0, 700))}`) },
      where: atImage,
    },
  ];
}

let dir: string;
let cleanup: () => Promise<void>;
let split: WrittenSplit;
const broken = new Map<number, Broken>();
const good: number[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('mixed'));
  const entries: Entry[] = [];
  const bad = brokenSamples();
  // 16 good samples with a broken one after every good one or two.
  for (let g = 0, b = 0; g < 16 || b < bad.length; ) {
    if (b < bad.length && (entries.length % 3 === 1 || g >= 16)) {
      broken.set(entries.length, bad[b]);
      entries.push(bad[b++].entry);
    } else {
      good.push(entries.length);
      entries.push({ annotationLine: plainAnnotation(corpus[g].json), imageLine: corpus[g++].imageLine });
    }
  }
  split = await writeEntries(dir, 'mixed', entries);
});
afterAll(() => cleanup());

const imageName = (i: number) => `mixed_${String(i).padStart(6, '0')}.png`;

describe('a run over a split with broken samples mixed in', () => {
  it('renders every good sample, exits 1, and the summary lists each broken one with file, sample and byte offset', async () => {
    const out = join(dir, 'out');
    const r = await cliInProcess(['--ann-tsv', split.annotationsTsv, '--img-tsv', split.imagesTsv, '--num-vis', 'all', '--output-dir', out, '--fast', '--concurrency', '2'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`${good.length} rendered, ${broken.size} failed`);
    const failedLines = r.stderr.split('\n').filter((l) => l.startsWith('  failed: '));
    expect(failedLines).toHaveLength(broken.size);
    for (const [i, b] of broken) {
      const { file, offset } = b.where(split, i);
      const line = failedLines.find((l) => l.startsWith(`  failed: ${file}, sample ${i}, byte offset ${offset}: `));
      expect(line, `${b.what} (sample ${i}) in:\n${failedLines.join('\n')}`).toBeDefined();
      // Problem, then what to do.
      expect(line!.split(': ').slice(2).join(': ')).toMatch(/\. \S.*/);
    }

    const files = await listFiles(out);
    expect(files.filter(isTemp)).toEqual([]);
    expect(files.filter(isImage)).toEqual(good.map(imageName));
    for (const f of files.filter(isImage)) expect((await decodeFully(join(out, f))).width).toBeGreaterThan(0);

    const rows = await readManifest(out);
    expect(rows.map((row) => [Number(row.index), row.status])).toEqual(
      [...good.map((i) => [i, 'rendered']), ...[...broken.keys()].map((i) => [i, 'failed'])].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    for (const row of rows.filter((x) => x.status === 'failed')) expect(row.error).toMatch(new RegExp(`sample ${row.index}, byte offset \\d+: `));
  });

  it('validate lists every sample the reader refuses, one line each with file, sample and byte offset, and exits 1', async () => {
    const r = await cliInProcess(['validate', '--ann-tsv', split.annotationsTsv, '--img-tsv', split.imagesTsv, '--quiet'], { cwd: dir });
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('error: '));
    for (const [i, b] of broken) {
      if (b.what === 'image truncated after its header') continue; // validate reads headers, never pixels
      const { file, offset } = b.where(split, i);
      expect(errors.filter((l) => l.startsWith(`error: ${file}, sample ${i}, byte offset ${offset}: `)), b.what).toHaveLength(1);
    }
  });
});
