// The size of a run, said before it starts when it is large, and measured in the summary.
import { describe, expect, it } from 'vitest';
import { announceSize, estimateRunSize, formatBytes, sizeNotice, type SizeEstimate } from '../../src/plumbing/size-estimate.js';
import type { SampleRef, SampleSource } from '../../src/plumbing/seams.js';
import { fakeSource, pngHeader } from '../fakes.js';
import { cliInProcess, tempDirForFile } from '../cli.js';
import { writeEntries } from '../tsv.js';

/** A split of `n` samples whose photos are `w`×`h` (headers only) and `photoBytes` long. */
function photoSource(n: number, w: number, h: number, photoBytes = 250_000): SampleSource & { reads: number[] } {
  const base = fakeSource('main', Array.from({ length: n }, () => ({})));
  const image = Buffer.concat([pngHeader(w, h), Buffer.alloc(photoBytes - 33)]);
  return { ...base, reads: base.reads, readSample: async (i: number) => ({ ...(await base.readSample(i)), image }) };
}
const refs = (n: number): SampleRef[] => Array.from({ length: n }, (_, index) => ({ source: 0, index }));

describe('estimateRunSize and sizeNotice', () => {
  it('45k samples of 1024² photos as PNG: about 145 GB, said before the run with the cheaper formats; a few photos are read, not all', async () => {
    const source = photoSource(45_000, 1024, 1024);
    let said = '';
    const estimate = await announceSize([source], refs(45_000), { format: 'png', outputDir: '/' }, { write: (t: string) => (said += t) });
    expect(source.reads.length).toBeLessThanOrEqual(6);
    expect(estimate!.picture).toBeCloseTo(1024 * 1024 * 2.95, -3);
    expect(estimate!.total / 1e9).toBeGreaterThan(140);
    expect(estimate!.total / 1e9).toBeLessThan(155);
    expect(said).toMatch(/^humanref-vis: note: 45000 pictures as PNG will take about 1\d\d GB in the output folder \(about 3\.1 MB a picture and 250 KB for the viewer's copy of its photo\)/);
    expect(said).toMatch(/Smaller: --format jpeg about \d+ GB, --format webp about \d+ GB \(the viewer, index\.html, shows them alike\), or fewer samples with --num-vis N\n$/);
  });

  it('says nothing for a small run, and reads nothing for one under 100 pictures', async () => {
    const source = photoSource(200, 1024, 1024);
    let said = '';
    expect(await announceSize([source], refs(99), { format: 'png', outputDir: '/' }, { write: (t: string) => (said += t) })).toBeNull();
    expect(source.reads).toEqual([]);
    const small = await estimateRunSize([source], refs(200), 'webp', '/');
    expect(sizeNotice(small!, 'webp')).toBeNull();
    expect(said).toBe('');
  });

  it('a run that needs more than the free space is announced however small, saying it would stop', () => {
    const e: SizeEstimate = { pictures: 300, picture: 3e6, photo: 2e5, total: 9.6e8, free: 5e8 };
    expect(sizeNotice(e, 'jpeg')).toMatch(/^300 pictures as JPEG will take about 960 MB .*; 500 MB are free there, so the run would stop when the disk is full\. Smaller: --format webp about/);
  });

  it('formatBytes', () => {
    expect([0, 999, 1000, 3_300_000, 145e9].map(formatBytes)).toEqual(['0 bytes', '999 bytes', '1.0 KB', '3.3 MB', '145 GB']);
  });
});

const tmp = tempDirForFile('size');
describe('the summary', () => {
  it('a large run is announced on stderr before anything is drawn', async () => {
    // 120 photos whose headers claim 5000×5000 (74 MB a PNG picture, ~9 GB in all); each then fails to decode, quickly.
    const image = Buffer.from(`k\t${pngHeader(5000, 5000).toString('base64')}`);
    const annotation = (offset: number) => Buffer.from(`${offset}\t${JSON.stringify({ gt_boxes: [[1, 1, 10, 10]], region_map: { x: [0] }, think: 'Person 1: ✅' })}`);
    const split = await writeEntries(tmp.dir, 'big', Array.from({ length: 120 }, () => ({ annotationLine: annotation, imageLine: image })));
    const r = await cliInProcess(['--ann-tsv', split.annotationsTsv, '--img-tsv', split.imagesTsv, '--num-vis', 'all', '--output-dir', `${tmp.dir}/big-out`, '--workers', '0'], { cwd: tmp.dir, timeoutMs: 120_000 });
    expect(r.stderr).toMatch(/^humanref-vis: note: 120 pictures as PNG will take about \d+(\.\d)? GB in the output folder/m);
    expect(r.stderr.indexOf('note: 120 pictures')).toBeLessThan(r.stderr.indexOf('rendered,'));
  });

  it('says how much the pictures written take', async () => {
    const r = await cliInProcess(['--num-vis', '3', '--output-dir', `${tmp.dir}/out`], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\npictures written: \d+(\.\d)? [KM]B, \d+(\.\d)? KB each\n$/);
  });
});
