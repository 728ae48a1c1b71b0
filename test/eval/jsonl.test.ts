// The JSONL reader under hostile files: a line longer than the limit is one problem with its byte offset, the
// lines after it are still read; a pipe or a device is refused instead of read without end.
import { execFileSync } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { readJsonl, type JsonlEntry } from '../../src/eval/jsonl.js';
import { cli, FIXTURES, listFiles, tempDirForFile } from '../e2e/cli.js';

const tmp = tempDirForFile('jsonl');

async function entries(file: string, max?: number): Promise<JsonlEntry[]> {
  const out: JsonlEntry[] = [];
  for await (const e of readJsonl(file, 'prediction file', max)) out.push(e);
  return out;
}

describe('readJsonl', () => {
  it('skips a line longer than the limit with its line number and byte offset, and reads the lines after it', async () => {
    const file = join(tmp.dir, 'long.jsonl');
    await writeFile(file, `{"a":1}\r\n${'x'.repeat(5000)}\n\n{"b":2}\n{"c":3}`);
    const got = await entries(file, 4096);
    expect(got.map((e) => ('value' in e ? e.value : e.problem.message))).toEqual([
      { a: 1 },
      `${file}, line 2: the line at byte offset 9 is longer than 4096 bytes, so it was not read. The file is probably corrupt (a missing line break?); fix or delete this line of the prediction file`,
      { b: 2 },
      { c: 3 },
    ]);
    expect(got.map((e) => e.line)).toEqual([1, 2, 4, 5]);
  });

  it('a line that spans many read chunks and fits the limit is read whole, and a BOM is dropped', async () => {
    const file = join(tmp.dir, 'wide.jsonl');
    const text = 'é'.repeat(1_500_000);
    await writeFile(file, `\uFEFF{"t":"${text}"}\n{"n":1}\n`);
    const got = await entries(file);
    expect(got.map((e) => ('value' in e ? e.value : e.problem))).toEqual([{ t: text }, { n: 1 }]);
  });

  it.skipIf(process.platform === 'win32')('refuses a pipe and a device with a UsageError, at once', async () => {
    const fifo = join(tmp.dir, 'pipe.jsonl');
    execFileSync('mkfifo', [fifo]);
    await expect(entries(fifo)).rejects.toThrow(UsageError);
    await expect(entries('/dev/zero')).rejects.toThrow(/\/dev\/zero: the prediction file is a device, not a regular file/);
  });
});

const EVAL = join(FIXTURES, 'eval');

describe.skipIf(process.platform === 'win32')('eval with hostile prediction and ground-truth files', () => {
  it('a prediction line past the string limit (600 MB without a line break): one bad line, exit 1, run.json finished, no lock left', async () => {
    const out = join(tmp.dir, 'huge-out');
    const pred = join(tmp.dir, 'huge.jsonl');
    const good = await readFile(join(EVAL, 'pred_model_a.jsonl'), 'utf8');
    await writeFile(pred, good);
    // A sparse file: 600 MB of NUL bytes after the good lines, on no disk space.
    const handle = await open(pred, 'r+');
    await handle.truncate(Buffer.byteLength(good) + 600 * 1024 * 1024);
    await handle.close();
    const r = await cli(['eval', '--gt', join(EVAL, 'annotations.jsonl'), '--pred', pred, '--no-pictures', '--output-dir', out], { cwd: tmp.dir, timeoutMs: 60_000 });
    expect(r.stderr).not.toMatch(/RangeError|unexpected error/);
    expect(r.stderr).toMatch(new RegExp(`huge\\.jsonl, line \\d+: the line at byte offset ${Buffer.byteLength(good)} is longer than 67108864 bytes`));
    expect(r.code).toBe(1);
    expect(await listFiles(out)).not.toContain('.humanref-vis.lock');
    const run = JSON.parse(await readFile(join(out, 'run.json'), 'utf8'));
    expect(run.runs.at(-1).endedAt).not.toBeNull();
  });

  it('--gt /dev/zero and --gt <a pipe>: exit 2 naming the option, no output folder made', async () => {
    const fifo = join(tmp.dir, 'gt-pipe.jsonl');
    execFileSync('mkfifo', [fifo]);
    for (const gt of ['/dev/zero', fifo]) {
      const out = join(tmp.dir, `gt-${gt.length}`);
      const r = await cli(['eval', '--gt', gt, '--pred', join(EVAL, 'pred_model_a.jsonl'), '--output-dir', out], { cwd: tmp.dir, timeoutMs: 10_000 });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^humanref-vis: --gt ${gt}: the path is a (device|pipe \\(FIFO\\)), not a regular file`));
      expect(await listFiles(out)).toEqual([]);
    }
  });
});

/** The process's open files that are `file` (Linux: /proc/self/fd). */
function openCopies(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}

describe('readJsonl stopped early', () => {
  it.runIf(process.platform === 'linux')('leaves no file open when the caller stops after the first line (as --gt format detection does)', async () => {
    const file = join(tmp.dir, 'many.jsonl');
    await writeFile(file, '{"a": 1}\n'.repeat(50_000));
    for (let i = 0; i < 3; i++) {
      for await (const entry of readJsonl(file, 'test file')) {
        expect(entry.line).toBe(1);
        break;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openCopies(file)).toBe(0);
  });
});
