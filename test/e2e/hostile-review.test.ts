// Defects found by a hostile review and a newcomer's first run, end to end through the CLI.
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, FIXTURES, tempCwd } from './cli.js';

const SAMPLE = join(FIXTURES, 'sample');

let cwd: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir: cwd, cleanup } = await tempCwd());
});
afterAll(async () => {
  await cleanup();
});

/** A data folder holding the bundled main split under each of these stems. */
async function dataDir(name: string, stems: string[]): Promise<string> {
  const dir = join(cwd, name);
  await mkdir(dir, { recursive: true });
  for (const stem of stems) {
    for (const suffix of ['.annotations.tsv', '.annotations.tsv.lineidx', '.images.tsv']) {
      await copyFile(join(SAMPLE, `humanref_cot${suffix}`), join(dir, `${stem}${suffix}`));
    }
  }
  return dir;
}

describe('output names never collide (item 1)', () => {
  it.each([
    ['spaces', ['a b', 'a_b'], /a b\.annotations\.tsv and .*a_b\.annotations\.tsv would both be written as a_b_<index>\.png/],
    ['main', ['humanref_cot', 'main'], /humanref_cot\.annotations\.tsv and .*main\.annotations\.tsv would both be written as main_<index>\.png/],
    ['case', ['Set', 'set'], /Set\.annotations\.tsv and .*set\.annotations\.tsv would both be written as set_<index>\.png/],
  ])('%s: a split set whose names collide is refused before anything is written', async (name, stems, message) => {
    const dir = await dataDir(`collide-${name}`, stems);
    const out = join(cwd, `out-${name}`);
    const r = await cli(['--data_dir', dir, '--num_vis', '4', '--output_dir', out], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
    const v = await cli(['validate', '--data_dir', dir], { cwd });
    expect(v.code).toBe(2);
  });
});

describe('index -o into a file (item 14)', () => {
  it('ENOTDIR is one line and exit 2, not a crash', async () => {
    const file = join(cwd, 'plain-file');
    await writeFile(file, 'x');
    const r = await cli(['index', join(SAMPLE, 'humanref_cot.annotations.tsv'), '-o', join(file, 'x')], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`humanref-vis: cannot write ${join(file, 'x')}: it, or a folder above it, is a file, not a folder (ENOTDIR). Choose another place with -o <path>\n`);
  });
});
