// A seeded synthetic benchmark of 6,000 samples (1,000 per domain, like HumanRef) with two models' predictions, for
// checking eval against metric.py on large groups (numpy's pairwise sums recurse past 128 values).
//   node test/eval/upstream/synthetic.mjs <dir>    writes <dir>/annotations.jsonl, pred_a.jsonl, pred_b.jsonl
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../../../fixtures/gen/prng.mjs';

const DOMAINS = ['attribute', 'position', 'interaction', 'reasoning', 'celebrity', 'rejection'];

export function syntheticBenchmark(count = 6000, seed = 20250630) {
  const rand = mulberry32(seed);
  const gt = [];
  const preds = [[], []];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(rand() * 24);
    const candidates = Array.from({ length: n }, () => {
      const x = Math.round(rand() * 900);
      const y = Math.round(rand() * 900);
      return [x, y, x + 40 + Math.round(rand() * 120), y + 90 + Math.round(rand() * 220)];
    });
    const domain = DOMAINS[i % DOMAINS.length];
    const targets = domain === 'rejection' ? [] : candidates.filter(() => rand() < 0.35);
    if (domain !== 'rejection' && targets.length === 0) targets.push(candidates[0]);
    gt.push({ id: `syn-${i}`, image_name: `${i}.jpg`, referring: 'someone', candidate_boxes: candidates, answer_boxes: targets, domain, sub_domain: `${domain}-${i % 4}` });
    for (const [m, keep, jitter] of [[0, 0.35, 6], [1, 0.5, 30]]) {
      if (rand() < 0.02) continue; // no line for this id
      const boxes = candidates.filter(() => rand() < keep).map((b) => b.map((v) => v + (rand() - 0.5) * jitter));
      if (rand() < 0.05 && boxes.length) boxes.push([...boxes[0]]); // a duplicate box
      preds[m].push({ id: `syn-${i}`, extracted_predictions: boxes.length === 0 && rand() < 0.3 ? [[]] : boxes, raw_response: '' });
    }
  }
  const lines = (xs) => `${xs.map((x) => JSON.stringify(x)).join('\n')}\n`;
  return { 'annotations.jsonl': lines(gt), 'pred_a.jsonl': lines(preds[0]), 'pred_b.jsonl': lines(preds[1]) };
}

export function writeSynthetic(dir) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(syntheticBenchmark())) writeFileSync(join(dir, name), text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) writeSynthetic(process.argv[2] ?? 'synthetic');
