// Upstream's custom GRPO JSONL (toy_dataset/anno_with_candidates.json) read by validate, visualize and export.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, listFiles, tempDirForFile } from './cli.js';
import { writeToyFixture } from '../sources/toy-fixture.js';

const tmp = tempDirForFile('toy-e2e');
let data: string[];
beforeAll(async () => {
  const { anno, images } = await writeToyFixture(tmp.dir);
  data = ['--ann-tsv', anno, '--img-tsv', images];
});

describe('the custom GRPO format as a source', () => {
  it('validate reads every row and says per row which can never earn accuracy reward', async () => {
    const r = await cliInProcess(['validate', ...data], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/validated 3 samples in 1 split: 0 broken, 2 with findings \(2 findings\)/);
    expect(r.stdout).toMatch(/anno_with_candidates\.json, sample 0, byte offset 0: ans \[0, 45\.95, 238\.92, 454\.59\] .*IoU 0\.954/);
    expect(r.stdout).toMatch(/anno_with_candidates\.json, sample 2, byte offset \d+: ans \[93\.82, 45\.79, 442\.27, 275\.54\] .*IoU 0\.957/);
    expect(r.stdout).not.toMatch(/sample 1,/);
    expect(r.stdout + r.stderr).not.toMatch(/no tab/);
  });

  it('visualize draws every row (the hints, the hint equal to ans as the target)', async () => {
    const r = await cliInProcess(['visualize', ...data, '--num-vis', 'all', '--output-dir', 'vis', '--workers', '0'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/3 rendered, 0 failed/);
    // The viewer names what it shows: the file's kind and split, not HumanRef-CoT.
    expect(await readFile(join(tmp.dir, 'vis', 'viewer-index.js'), 'utf8')).toMatch(/"title":"custom GRPO samples: anno_with_candidates"/);
    expect(await readFile(join(tmp.dir, 'vis', 'index.html'), 'utf8')).toContain('<title>custom GRPO samples: anno_with_candidates</title>');
  });

  it('rows without reasoning are not called inconsistent, nor rejections when ans is no hint (visualize, stats); pictures are named after the file\'s stem', async () => {
    const r = await cliInProcess(['visualize', ...data, '--num-vis', 'all', '--output-dir', 'vis-json', '--workers', '0', '--json'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/3 rendered, 0 failed, 2 with warnings, 0 inconsistent/);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((x) => [x.split, x.consistent, x.rejection, x.noReasoning])).toEqual([
      ['anno_with_candidates', true, false, true],
      ['anno_with_candidates', true, false, true],
      ['anno_with_candidates', true, false, true],
    ]);
    expect((await listFiles(join(tmp.dir, 'vis-json'))).filter((f) => f.endsWith('.png'))).toEqual(['anno_with_candidates_000000.png', 'anno_with_candidates_000001.png', 'anno_with_candidates_000002.png']);
    const stats = await cliInProcess(['stats', '--json', ...data], { cwd: tmp.dir });
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout).total).toMatchObject({ samples: 3, rejection: 0, inconsistent: 0 });
    // --drop-inconsistent is about reasoning that disagrees: it keeps every row here (the row whose ans is a hint too).
    const kept = await cliInProcess(['export', '--to', 'grpo', '--drop-inconsistent', ...data, '--output-dir', 'grpo-consistent'], { cwd: tmp.dir });
    expect(kept.code).toBe(0);
    expect(kept.stderr).toMatch(/^3 exported \(grpo\), 0 failed, of 3 selected/m);
  });

  it('export --to grpo gives the problem and answer strings of upstream\'s own parquet', async () => {
    const r = await cliInProcess(['export', '--to', 'grpo', ...data, '--output-dir', 'grpo'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const bytes = await readFile(join(tmp.dir, 'grpo', 'grpo.parquet'));
    const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })) as { problem: string; answer: string }[];
    expect(rows.map((row) => row.answer)).toEqual([
      '```json\n[{"bbox_2d": [0, 45, 240, 450], "label": "woman in white shirt looking down at laptop computer"}]\n```',
      '```json\n[{"bbox_2d": [215, 459, 408, 594], "label": "a tv with a woman being interviewed on it"}]\n```',
      '```json\n[{"bbox_2d": [94, 45, 445, 271], "label": "a young boy doing a skateboard trick on a blue board"}]\n```',
    ]);
    expect(rows[2].problem).toBe(
      '<image>Hint: Object and its coordinates in this image: {"person": [[402, 95, 526, 198], [94, 46, 451, 276], [202, 276, 323, 407]]}\nPlease detect a young boy doing a skateboard trick on a blue board in this image.',
    );
  });

  it('export --to sft refuses every row (none has reasoning to train on); --to tsv is refused (there are no TSV lines to copy)', async () => {
    const r = await cliInProcess(['export', '--to', 'sft', ...data, '--output-dir', 'sft'], { cwd: tmp.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/0 exported \(sft\), 3 failed/);
    expect(r.stderr).toMatch(/failed \(skipped\): .*anno_with_candidates\.json, sample 0, byte offset 0: a custom GRPO row has no reasoning.*--to grpo/);
    expect(await readFile(join(tmp.dir, 'sft', 'sft.jsonl'), 'utf8')).toBe('');
    const tsv = await cliInProcess(['export', '--to', 'tsv', ...data, '--output-dir', 'tsv'], { cwd: tmp.dir });
    expect(tsv.code).toBe(2);
    expect(tsv.stderr).toMatch(/is a custom GRPO JSONL: export it --to grpo \(--to sft needs reasoning/);
  });
});
