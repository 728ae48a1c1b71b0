// --workers: drawing in threads writes the same files as drawing on the main thread; bad values are usage errors.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempCwd } from './cli.js';

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
      const r = await cli(['--num-vis', 'all', '--output-dir', `w${k}`, '--quiet', ...args], { cwd });
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

  for (const bad of ['-1', 'two', '1.5', '999']) {
    it(`--workers ${bad} is a usage error (exit 2) naming the option`, async () => {
      const r = await cli(['--num-vis', '1', '--output-dir', 'bad', '--workers', bad], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--workers must be a whole number from 0/);
    });
  }
});
