// Defects found by a hostile review and a newcomer's first run, end to end through the CLI.
import { copyFile, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, FIXTURES, tempCwd } from './cli.js';
import { imageLine, sampleAnnotation, tinyImage } from '../dataset/helpers.js';

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

describe('output names never collide', () => {
  it.each([
    ['spaces', ['a b', 'a_b'], /a b\.annotations\.tsv and .*a_b\.annotations\.tsv would both be written as a_b_<index>\.png/],
    ['main', ['humanref_cot', 'main'], /humanref_cot\.annotations\.tsv and .*main\.annotations\.tsv would both be written as main_<index>\.png/],
    ['case', ['Set', 'set'], /Set\.annotations\.tsv and .*set\.annotations\.tsv would both be written as set_<index>\.png/],
  ])('%s: a split set whose names collide is refused before anything is written', async (name, stems, message) => {
    const dir = await dataDir(`collide-${name}`, stems);
    const out = join(cwd, `out-${name}`);
    const r = await cliInProcess(['--data_dir', dir, '--num_vis', '4', '--output_dir', out], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
    const v = await cliInProcess(['validate', '--data_dir', dir], { cwd });
    expect(v.code).toBe(2);
  });
});

describe('index -o into a file', () => {
  it('ENOTDIR is one line and exit 2, not a crash', async () => {
    const file = join(cwd, 'plain-file');
    await writeFile(file, 'x');
    const r = await cliInProcess(['index', join(SAMPLE, 'humanref_cot.annotations.tsv'), '-o', join(file, 'x')], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`humanref-vis: cannot write ${join(file, 'x')}: it, or a folder above it, is a file, not a folder (ENOTDIR). Choose another place with -o <path>\n`);
  });
});

/** One split of one sample whose annotation JSON text is `json`; returns the annotations TSV. */
async function oneSample(name: string, json: string): Promise<string> {
  const dir = join(cwd, name);
  await mkdir(dir, { recursive: true });
  const image = imageLine('k', await tinyImage('png', 40, 30));
  await writeFile(join(dir, 'x.images.tsv'), image);
  await writeFile(join(dir, 'x.annotations.tsv'), `0\t${json}\n`);
  await writeFile(join(dir, 'x.annotations.tsv.lineidx'), '0\n');
  return join(dir, 'x.annotations.tsv');
}

describe('--json survives any JSON that JSON.parse accepted (deep nesting, overflowing numbers, C1 and bidi controls)', () => {
  it('an extra key nested 20,000 levels deep: inspect, visualize and validate --json exit 0 with the whole value', async () => {
    const depth = 20_000;
    const deep = '['.repeat(depth) + '1' + ']'.repeat(depth);
    const base = JSON.stringify(sampleAnnotation('the man'));
    const ann = await oneSample('deep', `${base.slice(0, -1)},"deep":${deep}}`);
    const inspect = await cliInProcess(['inspect', '0', '--ann_tsv', ann, '--json'], { cwd });
    expect([inspect.code, inspect.stderr]).toEqual([0, '']);
    let value: unknown = JSON.parse(inspect.stdout).extra.deep;
    let levels = 0;
    while (Array.isArray(value)) [value, levels] = [value[0], levels + 1];
    expect([levels, value]).toEqual([depth, 1]);
    const validate = await cliInProcess(['validate', '--ann_tsv', ann, '--json'], { cwd });
    expect(validate.code).toBe(0);
    const visualize = await cliInProcess(['--ann_tsv', ann, '--json', '--output_dir', join(cwd, 'deep-out')], { cwd });
    expect(visualize.code).toBe(0);
    expect(JSON.parse(visualize.stdout.trim().split('\n')[0]).index).toBe(0);
  });

  it('a box that overflows to Infinity is 1e999 (reads back as Infinity), never null', async () => {
    const annotation = { ...sampleAnnotation('the man'), gt_boxes: [[1e308, 0, 1e308, 10], [0, 0, 10, 10], [1, 1, 5, 5], [2, 2, 5, 5]] };
    const ann = await oneSample('inf', JSON.stringify(annotation));
    const inspect = await cliInProcess(['inspect', '0', '--ann_tsv', ann, '--json'], { cwd });
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain('"xyxy": [\n        1e+308,\n        0,\n        1e999,');
    expect(JSON.parse(inspect.stdout).candidates[0].xyxy[2]).toBe(Infinity);
    const visualize = await cliInProcess(['--ann_tsv', ann, '--json', '--output_dir', join(cwd, 'inf-out')], { cwd });
    expect(visualize.stdout).toContain('"box":[1e+308,0,1e999,10]');
  });

  it('C1 controls and bidi overrides are escaped in --json and in human inspect', async () => {
    const expression = 'the man\u0085 in \u202ered\u202c \u009b31m';
    const ann = await oneSample('bidi', JSON.stringify(sampleAnnotation(expression)));
    const json = await cliInProcess(['inspect', '0', '--ann_tsv', ann, '--json'], { cwd });
    const human = await cliInProcess(['inspect', '0', '--ann_tsv', ann], { cwd });
    const visualize = await cliInProcess(['--ann_tsv', ann, '--json', '--output_dir', join(cwd, 'bidi-out')], { cwd });
    for (const out of [json.stdout, human.stdout, visualize.stdout]) {
      expect(out).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(out).toContain('\\u202e');
      expect(out).toContain('\\u0085');
    }
    expect(JSON.parse(json.stdout).expressions[0].expression).toBe(expression);
  });
});

describe('messages that name the real mistake: a mistyped command, swapped TSVs, a broken symlink, a kernel file system', () => {
  it.each([
    [['valdate'], "unknown command 'valdate'; did you mean 'validate'?"],
    [['visualise', '--num_vis', '2'], "unknown command 'visualise'; did you mean 'visualize'?"],
    [['--num_vis', '3', 'stat'], "unknown command 'stat'; did you mean 'stats'?"],
    [['--output_dir', 'x', 'frobnicate'], "unknown command 'frobnicate' (commands: visualize, index, inspect, validate, stats"],
  ])('a mistyped command %j is named as one, with the command meant (exit 2)', async (args, message) => {
    const r = await cliInProcess(args, { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('too many arguments');
  });

  it('real commands and `help <command>` still pass', async () => {
    const help = await cliInProcess(['help', 'validate'], { cwd });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: humanref-vis validate');
    const inspect = await cliInProcess(['--quiet', 'inspect', '0', '--json'], { cwd });
    expect(inspect.stderr).not.toContain('unknown command');
  });

  it('swapped --img_tsv and --ann_tsv are said to be swapped, by name or by content', async () => {
    const byName = await cliInProcess(['validate', '--img_tsv', join(SAMPLE, 'humanref_cot.annotations.tsv'), '--ann_tsv', join(SAMPLE, 'humanref_cot.images.tsv')], { cwd });
    expect(byName.code).toBe(2);
    expect(byName.stderr).toContain('are swapped (the first is an images TSV, the second an annotations TSV): use --ann-tsv');
    await copyFile(join(SAMPLE, 'humanref_cot.images.tsv'), join(cwd, 'one.tsv'));
    await copyFile(join(SAMPLE, 'humanref_cot.annotations.tsv'), join(cwd, 'two.tsv'));
    const byContent = await cliInProcess(['--img_tsv', 'two.tsv', '--ann_tsv', 'one.tsv', '--output_dir', 'swapped'], { cwd });
    expect(byContent.code).toBe(2);
    expect(byContent.stderr).toBe('humanref-vis: --ann-tsv one.tsv and --img-tsv two.tsv are swapped (the first is an images TSV, the second an annotations TSV): use --ann-tsv two.tsv --img-tsv one.tsv\n');
  });

  it('an --output_dir that is a broken symlink is said to be one', async () => {
    const link = join(cwd, 'dangling-out');
    await symlink(join(cwd, 'no', 'such', 'place'), link);
    const r = await cliInProcess(['--num_vis', '1', '--output_dir', link], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${link} is a broken symlink to ${join(cwd, 'no', 'such', 'place')}`);
    expect(r.stderr).not.toContain('Free space');
  });

  it.runIf(process.platform === 'linux')('an --output_dir under /proc is refused at once (exit 2), not a hang', async () => {
    const r = await cliInProcess(['--num_vis', '1', '--output_dir', '/proc/self/vis'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it lies in /proc, a kernel file system, not storage');
  });
});
