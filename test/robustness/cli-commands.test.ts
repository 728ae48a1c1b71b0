// The other commands on unusable files: one line naming the file, a data exit code, never a stack trace.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonJson } from '../dataset/helpers.js';
import { cliInProcess } from './cli.js';
import { loadCorpus, plainAnnotation, ROOT, tempDir, writeEntries } from './corpus.js';

const BROKEN = join(ROOT, 'fixtures/broken');

describe('stats, validate and inspect on a split whose files are unusable', () => {
  for (const [name, problem] of [
    ['lfs-pointer', /humanref_cot\.images\.tsv: this is a Git LFS pointer \(\d+ bytes\), not the data\. Run `git lfs pull`/],
    ['empty-annotations', /humanref_cot\.annotations\.tsv: the file is empty \(0 bytes\)\. Download the dataset again/],
  ] as const) {
    it(`validate and inspect: ${name}`, async () => {
      for (const args of [['validate'], ['inspect', '0']]) {
        const r = await cliInProcess([...args, '--data-dir', join(BROKEN, name)], { cwd: ROOT });
        expect(r.code, args[0]).toBe(1);
        expect(`${r.stdout}${r.stderr}`).toMatch(problem);
        expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
      }
    });

    it(`stats: ${name}`, async () => {
      const r = await cliInProcess(['stats', '--data-dir', join(BROKEN, name)], { cwd: ROOT });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(problem);
      expect(r.stderr).not.toMatch(/unexpected error|\n\s+at /);
    });
  }
});

describe('inspect on hostile text', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await tempDir('inspect')));
  afterAll(() => cleanup());

  it('prints no terminal escape sequence or stray line break from the data; the reasoning keeps its lines', async () => {
    const s = loadCorpus()[0];
    const annotation = JSON.parse(s.json.toString('utf8'));
    annotation.region_map = { 'the man\u001b[2J\u009b31m': [0] };
    annotation.think = `${annotation.think}\n\u001b]0;pwned\u0007 and a bare\rcarriage return`;
    const b64 = s.imageLine.subarray(s.imageLine.indexOf(0x09));
    const split = await writeEntries(dir, 'odd', [
      { annotationLine: plainAnnotation(Buffer.from(pythonJson(annotation))), imageLine: Buffer.concat([Buffer.from('key\u001b[31mred\rx'), b64]) },
    ]);
    const r = await cliInProcess(['inspect', '0', '--ann-tsv', split.annotationsTsv, '--img-tsv', split.imagesTsv], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('image key:   key\\u001b[31mred\\rx\n');
    expect(r.stdout).toContain('expression:  "the man\\u001b[2J\\u009b31m"');
    expect(r.stdout).toContain('\\u001b]0;pwned\\u0007 and a bare\\rcarriage return');
    expect(r.stdout.split('\n').length).toBeGreaterThan(annotation.think.split('\n').length);
  });
});
