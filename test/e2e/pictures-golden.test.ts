// Every picture of the bundled fixtures, locked byte for byte: visualize on the sample dataset, eval over
// fixtures/eval (annotations.jsonl with --images) and over the sample's TSVs, and eval's JPEG encoding.
// A picture that changes on purpose gets its new hash here, with the reason in the commit. Eval over TSVs names the
// split's files by their absolute paths in its footer: there only the pixels above the footer are locked.
// After a change made on purpose, `UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts test/e2e/pictures-golden.test.ts`
// records the new hashes (then look at the changed pictures before committing them).
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cliInProcess, isImage, listFiles, ROOT, tempDirForFile } from './cli.js';

const GOLDEN = join(import.meta.dirname, 'pictures-golden.json');
const golden = JSON.parse(await readFile(GOLDEN, 'utf8')) as Record<string, Record<string, string>>;
const update = process.env.UPDATE_GOLDEN === '1';
const tmp = tempDirForFile('golden');
// Relative paths, run from the repository: the eval footer names the files as given.
const EVAL = 'fixtures/eval';

const FOOTER = [[0xf3, 0xf4, 0xf6], [0xd0, 0xd7, 0xde]].map((c) => c.join());

/** sha256 of the RGB pixels above the footer (its background and rule run up the left edge from the bottom). */
async function bodyHash(file: string): Promise<string> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const at = (y: number) => Array.from(data.subarray((y * info.width + 2) * info.channels, (y * info.width + 2) * info.channels + 3)).join();
  let top = info.height;
  while (top > 0 && FOOTER.includes(at(top - 1))) top--;
  return createHash('sha256').update(data.subarray(0, top * info.width * info.channels)).digest('hex');
}

async function hashes(dir: string, body: boolean): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await listFiles(dir)).filter(isImage)) {
    out[f] = body ? await bodyHash(join(dir, f)) : createHash('sha256').update(await readFile(join(dir, f))).digest('hex');
  }
  return out;
}

const runs: Record<string, string[]> = {
  visualize: ['--num_vis', '50'],
  evalJsonl: ['eval', '--gt', `${EVAL}/annotations.jsonl`, '--images', `${EVAL}/images`, '--pred', `${EVAL}/pred_model_a.jsonl`, `${EVAL}/pred_model_b.jsonl`, '--names', 'A,B', '--num_vis', 'all'],
  evalTsv: ['eval', '--data_dir', 'fixtures/sample', '--split', 'main', '--pred', `${EVAL}/pred_cot_main.jsonl`, '--num_vis', 'all'],
  evalJpeg: ['eval', '--gt', `${EVAL}/annotations.jsonl`, '--images', `${EVAL}/images`, '--pred', `${EVAL}/pred_model_a.jsonl`, '--names', 'A', '--format', 'jpeg', '--num_vis', '4'],
};

describe('pictures stay byte-identical', () => {
  for (const [name, args] of Object.entries(runs)) {
    it(`${name}: every picture has its recorded sha256`, async () => {
      const out = join(tmp.dir, name);
      const r = await cliInProcess([...args, '--output_dir', out, '--quiet'], { cwd: ROOT, timeoutMs: 90_000 });
      expect(r.code, r.stderr).toBe(0);
      const got = await hashes(out, name === 'evalTsv');
      if (update) {
        golden[name] = got;
        await writeFile(GOLDEN, `${JSON.stringify(golden, null, 2)}\n`);
      }
      expect(got).toEqual(golden[name]);
    });
  }
});
