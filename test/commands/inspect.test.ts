// `inspect` through the built CLI (`npm test` builds dist first) on a temp dataset: the exact output.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAnnotation, tinyImage, writeSplit, type BuiltSplit } from '../dataset/helpers.js';
import { cliInProcess as runCli, ROOT, tempDir } from '../cli.js';

/** The built CLI, run from the project folder: exit code and output (these commands are never ended by a signal). */
async function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await runCli(args, { cwd: ROOT });
  return { code, stdout, stderr };
}

const THINK = [
  'OK, the user needs us to detect the two people holding hands. To accomplish this task, I need to break it down into the following steps:',
  '- Step 1: Find the pair.',
  '',
  '# Step 1: Find the pair.',
  'I see four people.',
  '- Person 1: alone. → ❌',
  '- Person 2: holding hands with Person 4. → ✅',
  '- Person 3: walking. → ❌',
  '- Person 4: holding hands with Person 2. → ✅',
  '',
  '# Summarize and Re-Check answer',
  "Let's now recheck our answer and put ✅ for the target person and ❌ for others",
  '- Person 1: alone → ❌',
  '- Person 2: holding hands → ✅',
  '- Person 3: walking → ❌',
  '- Person 4: holding hands → ✅',
].join('\n');

let split: BuiltSplit;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/cli.js'))) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.json` (npm test does)');
  const temp = await tempDir('inspect');
  cleanup = temp.cleanup;
  const [png, jpeg] = await Promise.all([tinyImage('png', 64, 48), tinyImage('jpeg', 1030, 20)]);
  split = await writeSplit(temp.dir, 'humanref_cot', [
    { annotation: { ...sampleAnnotation(), think: THINK }, image: png, key: 'k0' },
    // region_map says Person 3, the reasoning says Persons 2 and 4: a mismatch to show.
    { annotation: { ...sampleAnnotation('the two people holding hands', [2]), think: THINK, source: 'x' }, image: jpeg, key: 'k1' },
  ]);
});
afterAll(() => cleanup?.());

const dataArgs = () => ['--img_tsv', split.imagesTsv, '--ann-tsv', split.annotationsTsv];

describe('humanref-vis inspect', () => {
  it('prints one sample for a person', async () => {
    const { code, stdout, stderr } = await cli('inspect', '1', ...dataArgs());
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'split:       main',
        'sample:      1 (valid: 0 to 1)',
        `annotation:  ${split.annotationsTsv} at byte ${split.annOffsets[1]}`,
        `image line:  ${split.imagesTsv} at byte ${split.imgOffsets[1]}`,
        'expression:  "the two people holding hands" → Person 3',
        'image key:   k1',
        'image:       jpeg 1030×20',
        'candidates:  4 (boxes as x1, y1, x2, y2 in pixels)',
        '  Person 1: 0.9, 201.0, 260.5, 1024.3  final ❌',
        '  Person 2: 188.2, 181.9, 443.5, 1024.2  final ✅',
        '  Person 3: 668.2, 176.5, 1040.7, 1024.1  final ❌  target',
        '  Person 4: 394.9, 205.8, 969.0, 1023.8  final ✅',
        'consistency: ❌ mismatch: only in region_map: Person 3; only in reasoning: Person 2, Person 4',
        '',
        'reasoning:',
        THINK,
        '',
      ].join('\n'),
    );
  });

  it('--json prints one object with offsets, boxes and the parsed reasoning', async () => {
    const { code, stdout } = await cli('inspect', '0', '--json', ...dataArgs());
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      split: 'main',
      index: 0,
      count: 2,
      annOffset: 0,
      imgOffset: split.imgOffsets[0],
      imageKey: 'k0',
      image: { format: 'png', width: 64, height: 48 },
      expressions: [{ expression: 'the two people holding hands', targets: [2, 4] }],
      think: THINK,
      extra: {},
    });
    expect(json.candidates[1]).toEqual({ person: 2, xywh: [188.193, 181.911, 255.304, 842.247], xyxy: [188.193, 181.911, 443.497, 1024.158], target: true });
    expect(json.cot.verdicts).toEqual(['❌', '✅', '❌', '✅']);
    expect(json.cot.consistency).toEqual({ consistent: true, onlyInRegionMap: [], onlyInCot: [] });
  });

  it('index out of range is a usage error (exit 2) naming the valid range', async () => {
    const { code, stdout, stderr } = await cli('inspect', '2', ...dataArgs());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('humanref-vis: sample 2 is out of range for split main (valid: 0 to 1)\n');
    expect((await cli('inspect', 'x1', ...dataArgs())).stderr).toBe('humanref-vis: <index> must be a whole number >= 0, got "x1"\n');
  });

  it('a missing path is a usage error; a data error exits 1 with the message on stderr', async () => {
    expect(await cli('inspect', '0', '--img-tsv', '/nonexistent/i.tsv', '--ann-tsv', split.annotationsTsv)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'humanref-vis: --img-tsv /nonexistent/i.tsv: no such file\n',
    });
    const wrongPair = await cli('inspect', '1', '--img-tsv', split.annotationsTsv, '--ann-tsv', split.annotationsTsv);
    expect(wrongPair.code).toBe(1);
    expect(wrongPair.stderr).toMatch(new RegExp(`^humanref-vis: ${split.annotationsTsv}, sample 1, byte offset ${split.imgOffsets[1]}: `));
  });
});

describe('humanref-vis index', () => {
  it('writes the same .lineidx the split was built with, to -o or <tsv>.lineidx', async () => {
    const out = `${split.annotationsTsv}.copy`;
    const { code, stdout } = await cli('index', split.annotationsTsv, '-o', out);
    expect(code).toBe(0);
    expect(stdout).toBe(`${out}: 2 lines indexed\n`);
    expect(await readFile(out, 'utf8')).toBe(await readFile(split.annotationsLineidx!, 'utf8'));
    expect(await readFile(out, 'utf8')).toBe(`0\n${split.annOffsets[1]}\n`);
    expect(await cli('index', '/nonexistent.tsv')).toEqual({ code: 2, stdout: '', stderr: 'humanref-vis: /nonexistent.tsv: no such file\n' });
  });
});
