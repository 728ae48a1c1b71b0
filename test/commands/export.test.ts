// `export` end to end on the bundled sample: the three formats, the review and consistency filters, bad samples, bad flags.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/dataset/dataset.js';
import { resolveSplits } from '../../src/dataset/locate.js';
import { parseAnnotationCot } from '../../src/cot/parse.js';
import { getRenderer } from '../../src/render/index.js';
import { cliInProcess, FIXTURES, isTemp, listFiles, tempDirForFile } from '../e2e/cli.js';
import { cases } from '../fixtures/cases.js';

const tmp = tempDirForFile('export');
const MAIN = cases.splits.main.samples;
const REJECTION = cases.splits.rejection.samples;
const ALL = [...MAIN.map((s) => ({ split: 'main', ...s })), ...REJECTION.map((s) => ({ split: 'rejection', ...s }))];
const nameOf = (split: string, index: number) => `${split}_${String(index).padStart(6, '0')}`;
const SAMPLE = join(FIXTURES, 'sample');

interface ProvenanceLine {
  line: number;
  sample: string;
  split: string;
  index: number;
  ann_offset: number;
  img_offset: number;
  [key: string]: string | number;
}
const readJsonl = async <T>(file: string): Promise<T[]> => (await readFile(file, 'utf8')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
const run = (args: string[]) => cliInProcess(['export', '--data-dir', SAMPLE, '--concurrency', '2', ...args], { cwd: tmp.dir });

describe('export --to tsv', () => {
  it('writes each split again under its own names; validate passes and every line is the source\'s but for the offset', async () => {
    const r = await run(['--to', 'tsv', '--output_dir', 'tsv']);
    expect(r.stderr).toMatch(new RegExp(`^${ALL.length} exported \\(tsv\\), 0 failed, of ${ALL.length} selected`, 'm'));
    expect(r.code).toBe(0);
    const files = await listFiles(join(tmp.dir, 'tsv'));
    expect(files).toEqual([
      'humanref_cot.annotations.tsv',
      'humanref_cot.annotations.tsv.lineidx',
      'humanref_cot.images.tsv',
      'humanref_cot.images.tsv.lineidx',
      'humanref_cot_rejection.annotations.tsv',
      'humanref_cot_rejection.annotations.tsv.lineidx',
      'humanref_cot_rejection.images.tsv',
      'humanref_cot_rejection.images.tsv.lineidx',
      'provenance.jsonl',
      'run.json',
    ]);
    const runLog = JSON.parse(await readFile(join(tmp.dir, 'tsv', 'run.json'), 'utf8'));
    expect(runLog.runs.at(-1)).toMatchObject({ command: 'export', exitCode: 0, counts: { selected: ALL.length, rendered: ALL.length, failed: 0 }, options: { to: 'tsv' } });

    const validate = await cliInProcess(['validate', '--data-dir', join(tmp.dir, 'tsv')], { cwd: tmp.dir });
    expect(validate.code).toBe(0);
    expect(validate.stderr).toMatch(new RegExp(`validated ${ALL.length} samples in 2 splits: 0 broken`));

    const provenance = await readJsonl<ProvenanceLine>(join(tmp.dir, 'tsv', 'provenance.jsonl'));
    expect(provenance.map((p) => p.sample)).toEqual(ALL.map((s) => nameOf(s.split, s.index)));
    const source = resolveSplits({ dataDir: SAMPLE }).splits;
    const exported = resolveSplits({ dataDir: join(tmp.dir, 'tsv') }).splits;
    const open = await Promise.all([...source, ...exported].map((p) => Dataset.open(p)));
    try {
      const [srcMain, srcRej, outMain, outRej] = open;
      const rawJson = async (file: string, offset: number) => {
        const bytes = await readFile(file);
        const end = bytes.indexOf(0x0a, offset);
        const line = bytes.subarray(offset, end);
        return line.subarray(line.indexOf(0x09) + 1);
      };
      for (const p of provenance) {
        const [src, out] = p.split === 'main' ? [srcMain, outMain] : [srcRej, outRej];
        const a = await src.readSample(p.index);
        const b = await out.readSample(Number(p.to_index));
        expect(b.image.equals(a.image)).toBe(true);
        expect(b.imageKey).toBe(a.imageKey);
        expect(b.annotation).toEqual(a.annotation);
        expect(b.imgOffset).toBe(p.to_img_offset);
        expect((await rawJson(out.paths.annotationsTsv, b.annOffset)).equals(await rawJson(src.paths.annotationsTsv, a.annOffset))).toBe(true);
      }
      // The same pictures: rendered from the export with the source's provenance (the footer names split, index, offset), byte for byte.
      const renderer = await getRenderer();
      for (const p of [provenance[0], provenance.at(-1)!]) {
        const [src, out] = p.split === 'main' ? [srcMain, outMain] : [srcRej, outRej];
        const a = await src.readSample(p.index);
        const b = await out.readSample(Number(p.to_index));
        const fromExport = { ...b, index: a.index, annOffset: a.annOffset, imgOffset: a.imgOffset, files: a.files };
        const [pa, pb] = await Promise.all([renderer.render(a, parseAnnotationCot(a.annotation)), renderer.render(fromExport, parseAnnotationCot(b.annotation))]);
        expect(pb.data.equals(pa.data)).toBe(true);
      }
    } finally {
      await Promise.all(open.map((d) => d.close()));
    }
  });

  it('visualize draws every exported sample', async () => {
    const r = await cliInProcess(['visualize', '--data-dir', join(tmp.dir, 'tsv'), '--num-vis', 'all', '--output-dir', 'tsv-vis', '--workers', '0', '--concurrency', '2'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${ALL.length} rendered, 0 failed`));
  });

  it('--review with --drop rejected leaves out exactly the rejected samples; --keep accepted keeps only the accepted', async () => {
    const review = {
      version: 1,
      tool: 'humanref-vis 0.1.0',
      runs: ['2026-12-03T09:00:00.000Z'],
      samples: {
        [nameOf('main', MAIN[1].index)]: { status: 'rejected', note: 'wrong target', at: '2026-12-03T09:01:00.000Z' },
        [nameOf('rejection', REJECTION[0].index)]: { status: 'rejected', note: '', at: '2026-12-03T09:02:00.000Z' },
        [nameOf('main', MAIN[2].index)]: { status: 'accepted', note: '', at: '2026-12-03T09:03:00.000Z' },
        // Cleared in the viewer: kept with its note, counts as no mark.
        [nameOf('main', MAIN[3].index)]: { status: 'unreviewed', note: 'check the hat', at: '2026-12-03T09:03:30.000Z' },
        other_000007: { status: 'rejected', note: '', at: '2026-12-03T09:04:00.000Z' },
      },
    };
    // As the viewer saves it: every mark with a note, indented.
    await writeFile(join(tmp.dir, 'review.json'), `${JSON.stringify(review, null, 2)}\n`);
    const dropped = await run(['--to', 'tsv', '--review', 'review.json', '--drop', 'rejected', '--output_dir', 'reviewed']);
    expect(dropped.code).toBe(0);
    expect(dropped.stderr).toMatch(/1 of the review's 5 marks name samples these splits do not have \(other_000007\)/);
    expect(dropped.stderr).toMatch(new RegExp(`${ALL.length - 2} exported \\(tsv\\), 0 failed, 2 dropped by the review`));
    const kept = (await readJsonl<ProvenanceLine>(join(tmp.dir, 'reviewed', 'provenance.jsonl'))).map((p) => p.sample);
    const rejected = [nameOf('main', MAIN[1].index), nameOf('rejection', REJECTION[0].index)];
    expect(kept).toEqual(ALL.map((s) => nameOf(s.split, s.index)).filter((n) => !rejected.includes(n)));

    const accepted = await run(['--to', 'tsv', '--review', 'review.json', '--keep', 'accepted', '--output_dir', 'accepted']);
    expect(accepted.code).toBe(0);
    expect((await readJsonl<ProvenanceLine>(join(tmp.dir, 'accepted', 'provenance.jsonl'))).map((p) => p.sample)).toEqual([nameOf('main', MAIN[2].index)]);
    // Only main had a kept sample: the rejection split is not written at all.
    expect((await listFiles(join(tmp.dir, 'accepted'))).filter((f) => f.includes('rejection'))).toEqual([]);
  });

  it('--drop-inconsistent leaves out the samples whose ✅ set differs from region_map', async () => {
    const r = await run(['--to', 'tsv', '--drop-inconsistent', '--output_dir', 'consistent']);
    const inconsistent = ALL.filter((s) => !s.consistency.consistent).map((s) => nameOf(s.split, s.index));
    expect(inconsistent.length).toBeGreaterThan(0);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${inconsistent.length} dropped as inconsistent`));
    const kept = (await readJsonl<ProvenanceLine>(join(tmp.dir, 'consistent', 'provenance.jsonl'))).map((p) => p.sample);
    expect(kept).toEqual(ALL.map((s) => nameOf(s.split, s.index)).filter((n) => !inconsistent.includes(n)));
  });
});

interface SftLine {
  messages: { role: string; content: string }[];
  images: string[];
}

describe('export --to sft', () => {
  it('writes eval.py\'s prompts and convert_dataset.py\'s answers, each image once as stored', async () => {
    const r = await run(['--to', 'sft', '--output_dir', 'sft']);
    expect(r.code).toBe(0);
    const lines = await readJsonl<SftLine>(join(tmp.dir, 'sft', 'sft.jsonl'));
    expect(lines).toHaveLength(ALL.length);
    const first = lines[0];
    expect(first.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(first.messages[0].content).toMatch(/^A conversation between User and Assistant\. .*<answer> answer here <\/answer>\.$/);
    // main sample 0 (cases.json): 720×480 -> 728×476 (round(720/28) = 26, round(480/28) = 17), its gt_boxes as xyxy, x / 720 * 728 and y / 480 * 476 truncated.
    expect(first.messages[1].content).toBe(
      '<image>Hint: {"person": [[426, 126, 574, 448], [161, 94, 313, 441], [560, 142, 713, 454], [299, 142, 438, 444], [25, 89, 173, 451]]}\nLocate the two people wearing red shirts and blue trousers in the image and answer the question in json format.',
    );
    expect(first.messages[2].content).toBe(
      `<think>${MAIN[0].think}</think><answer>\`\`\`json\n[{"bbox_2d": [161, 94, 313, 441], "label": "the two people wearing red shirts and blue trousers"}, {"bbox_2d": [299, 142, 438, 444], "label": "the two people wearing red shirts and blue trousers"}]\n\`\`\`</answer>`,
    );
    const rejection = lines[MAIN.length];
    expect(rejection.messages[1].content).toBe(
      '<image>Hint: {"person": [[41, 117, 179, 427], [331, 109, 473, 429], [188, 120, 324, 425], [478, 116, 618, 431]]}\nLocate the woman wearing a green dress in the image and answer the question in json format.',
    );
    expect(rejection.messages[2].content).toBe(`<think>${REJECTION[0].think}</think><answer>None</answer>`);
    // Images: one file per source image, the stored bytes.
    const source = await Dataset.open(resolveSplits({ dataDir: SAMPLE, split: 'main' }).splits[0]);
    try {
      const stored = await source.readSample(MAIN[0].index);
      expect(first.images).toEqual([`images/main_${String(MAIN[0].index).padStart(6, '0')}.${stored.imageFormat === 'jpeg' ? 'jpg' : stored.imageFormat}`]);
      expect((await readFile(join(tmp.dir, 'sft', first.images[0]))).equals(stored.image)).toBe(true);
    } finally {
      await source.close();
    }
    const info = JSON.parse(await readFile(join(tmp.dir, 'sft', 'dataset_info.json'), 'utf8'));
    expect(info.humanref_cot_sft).toMatchObject({ file_name: 'sft.jsonl', formatting: 'sharegpt', columns: { messages: 'messages', images: 'images' } });
    expect((await listFiles(join(tmp.dir, 'sft'))).filter(isTemp)).toEqual([]);
  });

  it('skips a broken sample, names it and exits 1, writing the others whole', async () => {
    const r = await cliInProcess(['export', '--to', 'sft', '--data-dir', join(FIXTURES, 'broken/invalid-json'), '--output_dir', 'broken'], { cwd: tmp.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 exported \(sft\), 1 failed/);
    expect(r.stderr).toMatch(/failed \(skipped\): .*humanref_cot\.annotations\.tsv, sample 1, byte offset \d+/);
    const lines = await readJsonl<SftLine>(join(tmp.dir, 'broken', 'sft.jsonl'));
    expect(lines).toHaveLength(2);
    const provenance = await readJsonl<ProvenanceLine>(join(tmp.dir, 'broken', 'provenance.jsonl'));
    expect(provenance.map((p) => p.index)).toEqual([0, 2]);
  });
});

describe('export --to grpo', () => {
  it('writes the toy parquet\'s schema: images (plain binary PNG), problem and answer (strings)', async () => {
    const r = await run(['--to', 'grpo', '--output_dir', 'grpo']);
    expect(r.code).toBe(0);
    const bytes = await readFile(join(tmp.dir, 'grpo', 'grpo.parquet'));
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const metadata = parquetMetadata(file);
    // Upstream's toy_dataset/anno_with_candidates.parquet, as its footer reads (pandas -> pyarrow 20).
    expect(metadata.schema.map((e) => ({ name: e.name, type: e.type, repetition: e.repetition_type, converted: e.converted_type, logical: e.logical_type?.type, children: e.num_children }))).toEqual([
      { name: 'schema', type: undefined, repetition: 'REQUIRED', converted: undefined, logical: undefined, children: 3 },
      { name: 'images', type: 'BYTE_ARRAY', repetition: 'OPTIONAL', converted: undefined, logical: undefined, children: undefined },
      { name: 'problem', type: 'BYTE_ARRAY', repetition: 'OPTIONAL', converted: 'UTF8', logical: 'STRING', children: undefined },
      { name: 'answer', type: 'BYTE_ARRAY', repetition: 'OPTIONAL', converted: 'UTF8', logical: 'STRING', children: undefined },
    ]);
    expect(Number(metadata.num_rows)).toBe(ALL.length);
    const rows = (await parquetReadObjects({ file, utf8: false })) as { images: Uint8Array; problem: string; answer: string }[];
    expect(rows[0].problem).toBe(
      '<image>Hint: Object and its coordinates in this image: {"person": [[426, 126, 574, 448], [161, 94, 313, 441], [560, 142, 713, 454], [299, 142, 438, 444], [25, 89, 173, 451]]}\nPlease detect the two people wearing red shirts and blue trousers in this image.',
    );
    expect(rows[0].answer).toBe('```json\n[{"bbox_2d": [161, 94, 313, 441], "label": "the two people wearing red shirts and blue trousers"}, {"bbox_2d": [299, 142, 438, 444], "label": "the two people wearing red shirts and blue trousers"}]\n```');
    expect(rows[MAIN.length].answer).toBe('```json\n[]\n```');
    // Each image: an RGB PNG with the stored photo's pixels.
    const source = await Dataset.open(resolveSplits({ dataDir: SAMPLE, split: 'main' }).splits[0]);
    try {
      for (const [row, sample] of [[rows[0], MAIN[0]], [rows[2], MAIN[2]]] as const) {
        const png = Buffer.from(row.images);
        const meta = await sharp(png).metadata();
        expect(meta).toMatchObject({ format: 'png', width: sample.width, height: sample.height, channels: 3 });
        const stored = await source.readSample(sample.index);
        const [a, b] = await Promise.all([sharp(png).raw().toBuffer(), sharp(stored.image).removeAlpha().toColourspace('srgb').raw().toBuffer()]);
        expect(a.equals(b)).toBe(true);
      }
    } finally {
      await source.close();
    }
  });
});

describe('export usage errors', () => {
  it('refuses a missing --to, --drop without --review and a malformed review with exit 2, writing nothing', async () => {
    const noTo = await run(['--output_dir', 'u1']);
    expect(noTo.code).toBe(2);
    expect(noTo.stderr).toMatch(/export needs --to tsv\|sft\|grpo/);
    const noReview = await run(['--to', 'tsv', '--drop', 'rejected', '--output_dir', 'u2']);
    expect(noReview.code).toBe(2);
    expect(noReview.stderr).toMatch(/give --review review\.json/);
    await writeFile(join(tmp.dir, 'bad-review.json'), JSON.stringify({ version: 1, tool: 'x', runs: [], samples: { main_000001: { status: 'maybe', at: '2026-12-03T09:00:00Z' } } }));
    const bad = await run(['--to', 'tsv', '--review', 'bad-review.json', '--output_dir', 'u3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--review bad-review\.json: sample "main_000001": "status" is "maybe"/);
    for (const dir of ['u1', 'u2', 'u3']) expect(await listFiles(join(tmp.dir, dir))).toEqual([]);
  });
});
