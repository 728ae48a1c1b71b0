// eval at a size where memory matters: raw responses are not held for scoring, and samples.jsonl is written while
// the records are made, not built whole first (the million-line figure is the benchmark's).
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChainOfThought } from '../../src/cot/parse.js';
import { renderEvalPicture } from '../../src/eval/picture.js';
import type { EvalOptions } from '../../src/eval/options.js';
import { readEvalInputs, withResponses } from '../../src/runs/eval-inputs.js';
import { runEval } from '../../src/runs/eval-run.js';
import { FIXTURES_DIR } from '../fixtures/cases.js';

const EVAL_DIR = path.join(FIXTURES_DIR, 'eval');
/** Enough records for samples.jsonl to take several of its 1 MB chunks. */
const SAMPLES = 6000;

let dir: string;
let options: EvalOptions;
const quiet = { stdout: { write: () => true }, stderr: { write: () => true } };

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-eval-large-'));
  const lines = (f: string) => readFile(path.join(EVAL_DIR, f), 'utf8').then((t) => t.split('\n').filter(Boolean).map((l) => JSON.parse(l)));
  const gt = await lines('annotations.jsonl');
  const pred = new Map((await lines('pred_model_a.jsonl')).map((p) => [p.id, p]));
  const rows = Array.from({ length: SAMPLES }, (_, i) => ({ g: gt[i % gt.length], id: `s${i}` }));
  await writeFile(path.join(dir, 'gt.jsonl'), rows.map(({ g, id }) => JSON.stringify({ ...g, id })).join('\n') + '\n');
  // Each response names its line, so the one read back for a picture can be told apart.
  const preds = rows.map(({ g, id }, i) => JSON.stringify({ ...(pred.get(g.id) ?? { extracted_predictions: [] }), id, raw_response: `line ${i + 1}: ${pred.get(g.id)?.raw_response ?? ''}` }));
  // s1 again at the end: the last line of a repeated id counts, for its boxes and its response.
  preds.push(JSON.stringify({ ...JSON.parse(preds[1]), raw_response: `line ${SAMPLES + 1}: the repeat` }));
  await writeFile(path.join(dir, 'pred.jsonl'), preds.join('\n') + '\n');
  options = {
    outputDir: path.join(dir, 'out'),
    groundTruth: { kind: 'jsonl', file: path.join(dir, 'gt.jsonl'), imagesDir: path.join(EVAL_DIR, 'images') },
    models: [{ name: 'M', file: path.join(dir, 'pred.jsonl') }],
    selection: { numVis: 'all', seed: 0, filter: { only: [] } },
    pictures: false,
    format: 'png',
    fast: true,
    concurrency: 2,
    json: true,
    quiet: true,
  };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('eval over many samples', () => {
  it('reads the predictions for scoring without their raw responses; the pictures get theirs from the lines the boxes came from', async () => {
    const inputs = await readEvalInputs(options, quiet);
    expect(inputs.preds[0].byKey.size).toBe(SAMPLES);
    expect([...inputs.preds[0].byKey.values()].every((p) => p.rawResponse === '')).toBe(true);
    const [picked] = await withResponses(options, inputs, [inputs.truth.samples[1], inputs.truth.samples[4]]);
    expect([...picked.byKey.keys()]).toEqual(['s:s1', 's:s4']);
    expect(picked.byKey.get('s:s1')!.rawResponse).toBe(`line ${SAMPLES + 1}: the repeat`);
    expect(picked.byKey.get('s:s4')!.rawResponse).toMatch(/^line 5: <think>/);
  });

  it('streams samples.jsonl: its first records are on disk while later ones are still being made', async () => {
    const seen: { writes: number; onDisk: number[] } = { writes: 0, onDisk: [] };
    const out = options.outputDir;
    const stdout = {
      write: (text: string) => {
        // --json writes the records as they go into samples.jsonl; look at its temp file meanwhile.
        if (text.startsWith('{')) {
          seen.writes++;
          const temp = readdirSync(out).find((f) => /^\.samples\.jsonl\..*\.tmp$/.test(f));
          seen.onDisk.push(temp ? statSync(path.join(out, temp)).size : -1);
        }
        return true;
      },
    };
    expect(await runEval(options, { parseCot: parseChainOfThought, renderPicture: async () => renderEvalPicture }, { ...quiet, stdout })).toBe(0);
    const written = (await readFile(path.join(out, 'samples.jsonl'), 'utf8')).trim().split('\n');
    expect(written).toHaveLength(SAMPLES);
    expect(seen.writes).toBeGreaterThan(2);
    // By the last chunk, the earlier ones are in the temp file (the whole file is renamed into place at the end).
    expect(seen.onDisk.at(-1)).toBeGreaterThan(0);
    expect(JSON.parse(written[1])).toMatchObject({ id: 's1', models: { M: { has_prediction: true } } });
  });
});
