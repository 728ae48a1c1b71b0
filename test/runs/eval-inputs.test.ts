// eval's first stage in process: ground truth and predictions read, bad lines listed on stderr (at most 50, then a
// count), and the raw responses of the chosen samples read again afterwards, from the line the boxes came from.
import { describe, expect, it } from 'vitest';
import type { EvalOptions } from '../../src/eval/options.js';
import { readEvalInputs, withResponses } from '../../src/runs/eval-inputs.js';
import { gtLine, jsonlFolder } from '../eval/jsonl-files.js';
import { capture } from './fake-splits.js';

const folder = jsonlFolder();
const pred = (id: string, raw: unknown, boxes = [[0, 0, 10, 10]]) => JSON.stringify({ id, extracted_predictions: boxes, raw_response: raw });

async function options(gt: string[], models: Record<string, string[]>): Promise<EvalOptions> {
  const tag = Math.random().toString(36).slice(2);
  return {
    outputDir: folder.dir,
    groundTruth: { kind: 'jsonl', file: await folder.file(`gt-${tag}.jsonl`, gt), imagesDir: null },
    models: await Promise.all(Object.entries(models).map(async ([name, lines]) => ({ name, file: await folder.file(`${name}-${tag}.jsonl`, lines) }))),
    selection: { numVis: 'all', seed: 0, filter: { only: [] } } as never,
    pictures: false,
    format: 'png',
    fast: true,
    concurrency: 1,
    json: false,
    quiet: true,
  };
}

describe('readEvalInputs', () => {
  it('reads the truth and each model by id, without the responses, and lists the bad lines of every file', async () => {
    const o = await options([gtLine('a'), gtLine('b'), '{broken'], { one: [pred('a', 'long text'), 'nope'], two: [pred('b', 'x')] });
    const { err, io } = capture();
    const inputs = await readEvalInputs(o, io);
    expect(inputs.truth.samples.map((s) => s.id)).toEqual(['a', 'b']);
    expect(inputs.preds.map((p) => [...p.byKey.keys()])).toEqual([['s:a'], ['s:b']]);
    expect(inputs.preds[0].byKey.get('s:a')!.rawResponse).toBe('');
    expect(inputs.badLines).toHaveLength(2);
    const text = err.join('');
    expect(text).toMatch(new RegExp(`humanref-vis: .*gt-.*line 3`));
    expect(text).toMatch(new RegExp(`humanref-vis: .*one-.*line 2`));
  });

  it('lists at most 50 bad lines and counts the rest', async () => {
    const o = await options([gtLine('a')], { m: [pred('a', ''), ...Array.from({ length: 53 }, () => '[')] });
    const { err, io } = capture();
    const inputs = await readEvalInputs(o, io);
    expect(inputs.badLines).toHaveLength(53);
    expect(err.filter((l) => l.includes('line '))).toHaveLength(50);
    expect(err.at(-1)).toBe('humanref-vis: ... and 3 more bad lines\n');
  });
});

describe('withResponses', () => {
  it("reads the chosen samples' responses again from the line their boxes came from (the last of a repeated id)", async () => {
    const o = await options([gtLine('a'), gtLine('b'), gtLine('c')], { m: [pred('a', 'first'), pred('b', 'bee'), pred('a', 'second', [[20, 0, 30, 10]]), pred('c', 'see')] });
    const inputs = await readEvalInputs(o, capture().io);
    const chosen = inputs.truth.samples.filter((s) => s.id !== 'b');
    const [model] = await withResponses(o, inputs, chosen);
    expect(model.name).toBe('m');
    expect(model.byKey.get('s:a')).toMatchObject({ rawResponse: 'second', boxes: [[20, 0, 30, 10]] });
    expect(model.byKey.get('s:c')!.rawResponse).toBe('see');
    expect(model.byKey.has('s:b')).toBe(false);
  });
});
