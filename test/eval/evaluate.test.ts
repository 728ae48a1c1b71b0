// eval's numbers on fixtures/eval equal those of Rex-Thinker's metric.py, recorded in test/eval/upstream/ (see its README).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/evaluate.js';
import { readGroundTruth } from '../../src/eval/read-gt.js';
import { readPredictions } from '../../src/eval/read-pred.js';
import { comparisonTables } from '../../src/eval/table.js';
import { FIXTURES_DIR } from '../fixtures/cases.js';

const EVAL_DIR = path.join(FIXTURES_DIR, 'eval');
const UPSTREAM = path.join(import.meta.dirname, 'upstream');

async function evaluationOf(dir: string, files: [string, string]) {
  const gt = await readGroundTruth(path.join(dir, 'annotations.jsonl'));
  const models = [];
  for (const [name, file] of [['A', files[0]], ['B', files[1]]]) {
    const pred = await readPredictions(path.join(dir, file));
    expect(pred.problems).toEqual([]);
    models.push({ name, byKey: pred.byKey });
  }
  expect(gt.problems).toEqual([]);
  return evaluate(gt.samples, models);
}

const fixtureEvaluation = () => evaluationOf(EVAL_DIR, ['pred_model_a.jsonl', 'pred_model_b.jsonl']);

/** The rows of a tabulate "grid" table, cells trimmed; the two header lines dropped. */
function gridRows(block: string): string[][] {
  const lines = block.split('\n');
  const bodyStart = lines.findIndex((l) => l.startsWith('+='));
  return lines
    .slice(bodyStart + 1)
    .filter((l) => l.startsWith('|'))
    .map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));
}

let syntheticDir: string;
beforeAll(async () => {
  syntheticDir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-synthetic-'));
  const { writeSynthetic } = (await import(path.join(UPSTREAM, 'synthetic.mjs'))) as { writeSynthetic: (dir: string) => void };
  writeSynthetic(syntheticDir);
});
afterAll(async () => {
  await rm(syntheticDir, { recursive: true, force: true });
});

// fixtures/eval: every corner on 16 samples; synthetic: 6,000 seeded samples, so the sums run over groups of 1,000.
describe.each([
  ['fixture', () => fixtureEvaluation()],
  ['synthetic', () => evaluationOf(syntheticDir, ['pred_a.jsonl', 'pred_b.jsonl'])],
] as const)('eval on the %s benchmark against upstream metric.py', (label, run) => {
  it('every average equals upstream to the last bit (full precision, from full_precision.py)', async () => {
    const ev = await run();
    const upstream = JSON.parse(await readFile(path.join(UPSTREAM, `${label}-full-precision.json`), 'utf8'));
    for (const { name, metrics } of ev.metrics) {
      const { rejection, ...rest } = metrics;
      expect({ ...rest, rejection_correct: rejection.correct }).toEqual(upstream[name]);
    }
  });

  it('prints the same table cells, rows and order as metric.py (its @Point columns aside)', async () => {
    const ev = await run();
    const ours = comparisonTables(ev.metrics);
    const printed = await readFile(path.join(UPSTREAM, `${label}-stdout.txt`), 'utf8');
    const [domainBlock, boxBlock] = printed.split('Comparative Box Count Metrics:');
    const dropPoint = (rows: string[][], from: number) => rows.map((r) => [...r.slice(0, from), ...r.slice(from + 3)]);
    expect(ours.domainRows).toEqual(dropPoint(gridRows(domainBlock), 3));
    expect(ours.boxRows).toEqual(dropPoint(gridRows(boxBlock), 2));
  });
});

describe('the fixture benchmark', () => {
  it('covers the corners it is meant to', async () => {
    const ev = await fixtureEvaluation();
    const byId = new Map(ev.samples.map((s) => [s.gt.id, s]));
    const a = (id: string) => byId.get(id)!.models[0];
    const b = (id: string) => byId.get(id)!.models[1];
    expect(a('attr-003').hasPrediction).toBe(false); // a gt id with no prediction line
    expect(b('inter-001').boxes).toEqual([[]]); // [[]] on an ordinary sample
    expect(a('attr-002').boxes).toHaveLength(3); // extra predictions
    expect(b('pos-002').boxes[0]).toEqual(b('pos-002').boxes[1]); // duplicate predicted boxes
    expect(byId.get('dupgt-001')!.gt.answers[0]).toEqual(byId.get('dupgt-001')!.gt.answers[1]); // duplicate gt boxes
    expect(a('rej-001').rejected).toBe(true);
    expect(a('rej-002').rejected).toBe(false);
    expect(a('rej-003')).toMatchObject({ hasPrediction: false, rejected: true }); // missing line = correct rejection
    expect(ev.unknownIds[0]).toEqual(['ghost-001']);
    // the IoU tie: two of A's boxes overlap the first target of pos-002 equally; the first wins
    expect(a('pos-002').matches[0]).toMatchObject({ gt: 0, pred: 0 });
  });
});
