// eval's benchmark input: a HumanRef-like ground truth (annotations.jsonl, six domains in turn, 1-24 candidates,
// ~2 targets) over the bench's photo-like 1024x1024 JPEGs, and two models' predictions as Rex-Thinker's eval.py
// writes them (boxes in image pixels, the prompt, a ~1.5 KB raw response with reasoning and the answer). Model A is
// close to the targets, model B looser, with false alarms, misses and an empty line now and then. Deterministic: the
// same seed gives the same bytes whatever the count, and lines are streamed so a million of them take no memory.
//   node test/bench/eval-data.mjs <dir> [samples=6000]
import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../../fixtures/gen/prng.mjs';
import { benchJpegs } from './dataset.mjs';

const DOMAINS = ['attribute', 'position', 'interaction', 'reasoning', 'celebrity', 'rejection'];
const EXPRESSIONS = ['the person wearing a red shirt', 'the man on the far left', 'the woman holding a cup', 'the people who are sitting', 'the child next to the dog', 'the person in a blue hat'];
const LOOKS = ['wearing a red shirt', 'in a blue jacket', 'in a white T-shirt', 'wearing a black coat', 'in a green sweater', 'holding a cup', 'sitting on a bench'];
const SIZE = 1024;
const DISTINCT_IMAGES = 24;

const round1 = (v) => Math.round(v * 10) / 10;

function candidateBoxes(rand) {
  const n = 1 + Math.floor(rand() * 24);
  return Array.from({ length: n }, () => {
    const w = 40 + Math.round(rand() * 160);
    const h = 90 + Math.round(rand() * 300);
    const x = Math.round(rand() * (SIZE - w - 1));
    const y = Math.round(rand() * (SIZE - h - 1));
    return [x, y, x + w, y + h];
  });
}

/** The model's reasoning over every candidate and its answer: ✅ for the persons it chose. */
function rawResponse(rand, referring, n, chosen, boxes) {
  const lines = [`<think>OK, the user needs us to detect ${referring}. To accomplish this task, I need to break it down into the following steps:`];
  lines.push('- Step 1: Look at each person and check whether they match the description.', '');
  lines.push('# Step 1: Look at each person and check whether they match the description.', `I see ${n} people in this image.`);
  for (let p = 1; p <= n; p++) lines.push(`- Person ${p}: ${LOOKS[Math.floor(rand() * LOOKS.length)]}, standing ${rand() < 0.5 ? 'in front' : 'further back'}. → ${chosen.has(p - 1) ? '✅' : rand() < 0.15 ? '⚠️' : '❌'}`);
  lines.push('', '# Summarize and Re-Check answer', "Let's now recheck our answer and put ✅ for the target person and ❌ for others");
  for (let p = 1; p <= n; p++) lines.push(`- Person ${p}: ${chosen.has(p - 1) ? 'Matches the description.' : 'Does not match.'} → ${chosen.has(p - 1) ? '✅' : '❌'}`);
  const answer = boxes.length === 0 ? 'None' : `\`\`\`json\n[\n${boxes.map((b) => `\t{"bbox_2d": [${b.map(Math.round).join(', ')}], "label": "${referring}"}`).join(',\n')}\n]\n\`\`\``;
  return `${lines.join('\n')}</think><answer>${answer}</answer>`;
}

/** One model's line for a sample, or null when the model wrote none. */
function prediction(rand, sample, { keep, jitter, falseAlarm }) {
  if (rand() < 0.01) return null;
  const { candidate_boxes: candidates, answer_boxes: targets } = sample;
  const chosen = new Set();
  candidates.forEach((c, i) => {
    const target = targets.includes(c);
    if (target ? rand() < keep : rand() < falseAlarm) chosen.add(i);
  });
  const boxes = [...chosen].map((i) => candidates[i].map((v) => round1(v + (rand() - 0.5) * jitter)));
  const prompt = `Hint: ${JSON.stringify({ person: candidates })}\nLocate ${sample.referring} in the image and answer the question in json format.`;
  return { id: sample.id, extracted_predictions: boxes, prompt, raw_response: rawResponse(rand, sample.referring, candidates.length, chosen, boxes) };
}

const MODELS = [
  { file: 'pred_a.jsonl', keep: 0.9, jitter: 8, falseAlarm: 0.04 },
  { file: 'pred_b.jsonl', keep: 0.7, jitter: 40, falseAlarm: 0.12 },
];

/** Buffered line writer: one write per ~1 MB, waiting when the stream is full. */
function lineWriter(file) {
  const stream = createWriteStream(file);
  let chunk = [];
  let size = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const text = chunk.join('');
    chunk = [];
    size = 0;
    if (!stream.write(text)) await new Promise((resolve) => stream.once('drain', resolve));
  };
  return {
    async line(value) {
      const text = `${JSON.stringify(value)}\n`;
      chunk.push(text);
      size += text.length;
      if (size > 1 << 20) await flush();
    },
    async close() {
      await flush();
      await new Promise((resolve, reject) => stream.end((error) => (error ? reject(error) : resolve())));
    },
  };
}

/**
 * Writes `<dir>/annotations.jsonl`, `<dir>/images/*.jpg` and one prediction file per model; resolves with their
 * paths and byte sizes.
 */
export async function makeEvalBench(dir, { samples = 6000, seed = 20250630 } = {}) {
  const images = path.join(dir, 'images');
  await mkdir(images, { recursive: true });
  const jpegs = await benchJpegs(DISTINCT_IMAGES);
  await Promise.all(jpegs.map((j, i) => writeFile(path.join(images, `${i}.jpg`), j)));
  const rand = mulberry32(seed);
  const gt = lineWriter(path.join(dir, 'annotations.jsonl'));
  const preds = MODELS.map((m) => lineWriter(path.join(dir, m.file)));
  for (let i = 0; i < samples; i++) {
    const domain = DOMAINS[i % DOMAINS.length];
    const candidates = candidateBoxes(rand);
    const targets = domain === 'rejection' ? [] : candidates.filter(() => rand() < 0.25);
    if (domain !== 'rejection' && targets.length === 0) targets.push(candidates[Math.floor(rand() * candidates.length)]);
    const sample = { id: `bench-${i}`, image_name: `${i % DISTINCT_IMAGES}.jpg`, referring: EXPRESSIONS[i % EXPRESSIONS.length], candidate_boxes: candidates, answer_boxes: targets, domain, sub_domain: `${domain}-${Math.floor(i / DOMAINS.length) % 4}` };
    await gt.line(sample);
    for (let m = 0; m < MODELS.length; m++) {
      const p = prediction(rand, sample, MODELS[m]);
      if (p) await preds[m].line(p);
    }
  }
  await Promise.all([gt.close(), ...preds.map((p) => p.close())]);
  const files = { gt: path.join(dir, 'annotations.jsonl'), images, preds: MODELS.map((m) => path.join(dir, m.file)) };
  let bytes = 0;
  for (const f of [files.gt, ...files.preds]) bytes += (await stat(f)).size;
  return { ...files, samples, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const made = await makeEvalBench(process.argv[2] ?? 'eval-bench', { samples: Number(process.argv[3] ?? 6000) });
  console.log(`${made.samples} samples, ${(made.bytes / 1e6).toFixed(1)} MB of JSONL in ${path.dirname(made.gt)}`);
}
