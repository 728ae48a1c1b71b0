// Where a run's JavaScript time goes: renders the bench dataset with --cpu-prof (one profile per thread) and prints
// per-image milliseconds by function (self and inclusive) and by module, for the main thread and for the drawing
// threads together. Native work on libuv's pool (decode, encode) does not appear: it shows as "(idle)".
// Usage: node test/bench/profile.mjs [samples=60] [extra CLI args...]
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBenchDataset } from './dataset.mjs';

const [count = '60', ...extra] = process.argv.slice(2);
const n = Number(count);
const tmp = await mkdtemp(path.join(os.tmpdir(), 'humanref-profile-'));
const data = await makeBenchDataset(path.join(tmp, 'data'), { samples: Math.max(n, 50) });
const cli = fileURLToPath(new URL('../../bin/humanref-vis.cjs', import.meta.url));
const profDir = path.join(tmp, 'prof');
const run = spawnSync(
  process.execPath,
  ['--cpu-prof', '--cpu-prof-dir', profDir, cli, '--img-tsv', data.imgTsv, '--ann-tsv', data.annTsv, '--ann-lineidx', data.annLineidx, '--num-vis', String(n), '--output-dir', path.join(tmp, 'out'), '--quiet', ...extra],
  { stdio: 'inherit' },
);
if (run.status !== 0) throw new Error(`the run failed (${run.status})`);

// Node names each thread's profile CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; thread 0 is the main one.
const files = (await readdir(profDir)).sort();
const threadOf = (f) => Number(f.split('.')[4]);

const fnName = (node) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*?\/(node_modules|dist)\//, '$1/')}`;
const moduleName = (node) => node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/').split('/').slice(0, 2).join('/') || node.callFrame.functionName;

/** Per-image ms by function (self, and inclusive for our code) and by module, summed over the given profiles. */
async function report(profiles) {
  const bySelf = new Map();
  const byModule = new Map();
  const inclusive = new Map();
  let total = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const self = new Map();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    for (const [id, us] of self) {
      const node = nodes.get(id);
      bySelf.set(fnName(node), (bySelf.get(fnName(node)) ?? 0) + us);
      byModule.set(moduleName(node), (byModule.get(moduleName(node)) ?? 0) + us);
      // Inclusive: count each function once per sample, however deep its recursion.
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const name = fnName(nodes.get(at));
        if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
        seen.add(name);
      }
    }
    total += [...self.values()].reduce((x, y) => x + y, 0);
  }
  const show = (title, map, rows) => {
    console.log(`\n${title} (ms per image over ${n} images; ${(total / 1000).toFixed(0)} ms of profile in all)`);
    for (const [name, us] of [...map].sort((x, y) => y[1] - x[1]).slice(0, rows)) console.log(`${(us / 1000 / n).toFixed(2).padStart(8)}  ${name}`);
  };
  show('self time by function', bySelf, 30);
  show('inclusive time, our code (dist/)', new Map([...inclusive].filter(([name]) => name.includes(' dist/'))), 25);
  show('self time by module', byModule, 15);
}

for (const [title, group] of [['main thread', files.filter((f) => threadOf(f) === 0)], ['drawing threads', files.filter((f) => threadOf(f) !== 0)]]) {
  if (group.length === 0) continue;
  console.log(`\n=== ${title} (${group.length} profile${group.length === 1 ? '' : 's'})`);
  await report(await Promise.all(group.map(async (f) => JSON.parse(await readFile(path.join(profDir, f), 'utf8')))));
}
await rm(tmp, { recursive: true, force: true });
