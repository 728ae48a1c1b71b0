// `humanref-vis eval` end to end on fixtures/eval: outputs, --json, bad lines (exit 1), usage errors (exit 2), selection.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInProcess, FIXTURES, listFiles, tempDirForFile } from '../cli.js';

const EVAL = join(FIXTURES, 'eval');
const GT = join(EVAL, 'annotations.jsonl');
const PA = join(EVAL, 'pred_model_a.jsonl');
const PB = join(EVAL, 'pred_model_b.jsonl');

const cwd = tempDirForFile('eval-command');

const records = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));

describe('humanref-vis eval', () => {
  it('writes metrics.json, metrics.md, samples.jsonl and one picture per selected sample and model; the table on stdout', async () => {
    const out = join(cwd.dir, 'full');
    const r = await cliInProcess(['eval', '--gt', GT, '--images', join(EVAL, 'images'), '--pred', PA, PB, '--names', 'A,B', '--output_dir', out, '--num_vis', '2'], { cwd: cwd.dir });
    expect(r.stderr).toMatch(/16 samples \(3 rejection\), 2 models; 0 bad lines skipped; 4 pictures drawn/);
    expect(r.stderr).toMatch(/A: 1 prediction id not in the ground truth \(ignored\): ghost-001/);
    expect(r.stderr).toMatch(/B: 1 id on more than one line .*attr-004 \(lines 13, 14\)/);
    expect(r.code).toBe(0);
    const files = await listFiles(out);
    expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(4);
    expect(files).toEqual(expect.arrayContaining(['metrics.json', 'metrics.md', 'samples.jsonl']));
    const md = await readFile(join(out, 'metrics.md'), 'utf8');
    expect(r.stdout).toBe(`${md}\n`);
    const doc = JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8'));
    expect(doc.model_order).toEqual(['A', 'B']);
    expect(Object.keys(doc.models.A.overall).sort()).toEqual(['count', 'density_f1_50', 'density_f1_mean', 'precision_50', 'precision_mean', 'recall_50', 'recall_mean']);
    expect(doc.models.A.domains.attribute.subdomains.color.count).toBe(4);
    expect(Object.keys(doc.models.B.box_count)).toEqual(['1', '2-5', '6-10', '>10']);
    expect(doc.models.A.rejection).toEqual({ correct: 2, total: 3 });
    expect(doc.predictions.A).toMatchObject({ ids_not_in_ground_truth: 1, samples_without_prediction: 2, bad_lines: 0 });
    const lines = records(await readFile(join(out, 'samples.jsonl'), 'utf8'));
    expect(lines).toHaveLength(16);
    const pictured = lines.filter((l) => l.models.A.file !== null);
    expect(pictured).toHaveLength(2);
    for (const l of pictured) expect(files).toContain(l.models.B.file);
  });

  it("the viewer's header says what made the pictures: command, version, seed, ground truth and predictions", async () => {
    const out = join(cwd.dir, 'provenance');
    const r = await cliInProcess(['eval', '--gt', GT, '--images', join(EVAL, 'images'), '--pred', PA, PB, '--names', 'A,B', '--output_dir', out, '--num_vis', '1', '--seed', '7'], { cwd: cwd.dir });
    expect(r.code).toBe(0);
    const script = await readFile(join(out, 'viewer-index.js'), 'utf8');
    const index = JSON.parse(script.slice(script.indexOf('{'), script.indexOf(',"entries":')) + '}');
    expect(index.runs).toHaveLength(1);
    const [run] = index.runs;
    expect(run.command).toMatch(/\beval --gt .*--seed 7$/);
    expect(run.tool).toMatch(/^humanref-vis \d+\.\d+\.\d+/);
    expect(run.seed).toBe('7');
    expect(run.cwd).toBe(cwd.dir);
    expect(run.data).toContain(`ground truth ${GT}`);
    expect(run.data).toContain(`A: ${PA}`);
    expect(run.data).toContain(`B: ${PB}`);
    // The same id as the run's entry in run.json.
    expect(run.run).toBe(JSON.parse(await readFile(join(out, 'run.json'), 'utf8')).runs[0].id);
  });

  it('--json: one record per sample on stdout, the table on stderr', async () => {
    const out = join(cwd.dir, 'json');
    const r = await cliInProcess(['eval', '--gt', GT, '--pred', PA, '--json', '--no-pictures', '--output-dir', out], { cwd: cwd.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('## Comparative Domain and Subdomain Metrics');
    const lines = records(r.stdout);
    expect(lines).toHaveLength(16);
    const pos2 = lines.find((l) => l.id === 'pos-002');
    // the model name defaults to the file name
    expect(pos2.models.pred_model_a).toMatchObject({ recall_50: 1, precision_50: 0.75, predicted_boxes: 4, wrong: true });
    expect(pos2.models.pred_model_a.matches[0]).toMatchObject({ gt: 0, pred: 0 });
    expect(lines.find((l) => l.id === 'rej-002').models.pred_model_a).toMatchObject({ rejected: false, recall_50: null, score: 0 });
  });

  it('a bad line in either file is one message with file and line; the run goes on and exits 1', async () => {
    const dir = join(cwd.dir, 'bad');
    await mkdir(dir, { recursive: true });
    const gt = join(dir, 'annotations.jsonl');
    const pred = join(dir, 'pred.jsonl');
    await writeFile(gt, (await readFile(GT, 'utf8')) + '{"id": "broken"\n');
    await writeFile(pred, '{"id": "attr-001", "extracted_predictions": "oops"}\n' + (await readFile(PA, 'utf8')));
    const r = await cliInProcess(['eval', '--gt', gt, '--pred', pred, '--no-pictures', '--output-dir', join(dir, 'out')], { cwd: cwd.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${gt}, line 17: not valid JSON`);
    expect(r.stderr).toContain(`${pred}, line 1: "extracted_predictions" is not a list`);
    expect(r.stderr).toMatch(/2 bad lines skipped/);
    expect(await listFiles(join(dir, 'out'))).toEqual(['metrics.json', 'metrics.md', 'run.json', 'samples.jsonl']);
  });

  it.each([
    [['eval', '--gt', GT], /--pred/],
    [['eval', '--pred', PA], /give the ground truth/],
    [['eval', '--gt', GT, '--data-dir', FIXTURES, '--pred', PA], /either --gt .* or the dataset options/],
    [['eval', '--gt', 'nope.jsonl', '--pred', PA], /ground-truth file not found: nope\.jsonl/],
    [['eval', '--gt', GT, '--pred', 'nope.jsonl'], /prediction file not found/],
    [['eval', '--gt', GT, '--pred', PA, PB, '--names', 'x y,x_y'], /the models "x y" and "x_y" would share the picture names eval_<id>_x_y\.png/],
    // Case-insensitive file systems (macOS, Windows) would write both models' pictures to one file.
    [['eval', '--gt', GT, '--pred', PA, PB, '--names', 'Model,model'], /the models "Model" and "model" would share the picture names/],
    // `eval_x_b_c` would be sample x of "b_c" and sample x_b of "c".
    [['eval', '--gt', GT, '--pred', PA, PB, '--names', 'c,b_c'], /the models "b_c" and "c" would give two pictures one name/],
    [['eval', '--gt', GT, '--pred', PA, '--shard', '3/2'], /--shard 3\/2: k must be between 1 and n/],
    [['eval', '--gt', GT, '--pred', PA, '--only', 'inconsistent'], /--only: unknown kind "inconsistent"; use wrong, rejection/],
    [['eval', '--gt', GT, '--pred', PA, '--worst', '0'], /--worst must be/],
    [['eval', '--gt', GT, '--pred', PA, '--indices', '3,16'], /--indices 16 out of range \(the ground truth has 16 samples; indices are 0-based\)/],
  ])('usage error (exit 2): %j', async (args, message) => {
    const r = await cliInProcess(args, { cwd: cwd.dir });
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });

  it('--worst N pictures the N lowest-scoring samples; --only wrong only samples some model got wrong', async () => {
    const worst = join(cwd.dir, 'worst');
    expect((await cliInProcess(['eval', '--gt', GT, '--pred', PA, PB, '--names', 'A,B', '--worst', '3', '--format', 'jpeg', '--output-dir', worst], { cwd: cwd.dir })).code).toBe(0);
    const lines = records(await readFile(join(worst, 'samples.jsonl'), 'utf8'));
    const pictured = lines.filter((l) => l.models.A.file).map((l) => l.position);
    const expected = [...lines].sort((a, b) => a.score - b.score || a.position - b.position).slice(0, 3).map((l) => l.position);
    expect(pictured.sort()).toEqual(expected.sort());
    expect(lines.filter((l) => l.models.A.file)[0].models.A.file).toMatch(/^eval_[a-z]+-\d{3}_A\.jpg$/);

    const wrong = join(cwd.dir, 'wrong');
    expect((await cliInProcess(['eval', '--gt', GT, '--pred', PA, PB, '--names', 'A,B', '--only', 'wrong', '--num-vis', 'all', '--fast', '--output-dir', wrong], { cwd: cwd.dir })).code).toBe(0);
    const w = records(await readFile(join(wrong, 'samples.jsonl'), 'utf8'));
    const picked = w.filter((l) => l.models.A.file);
    expect(picked.length).toBe(w.filter((l) => l.models.A.wrong || l.models.B.wrong).length);
    expect(picked.length).toBeGreaterThan(5);
  });

  it("accepts upstream's spellings: --gt_path, --pred_path, --pred_names, --dump_path", async () => {
    const out = join(cwd.dir, 'upstream-flags');
    const r = await cliInProcess(['eval', '--gt_path', GT, '--pred_path', PA, PB, '--pred_names', 'A', 'B', '--dump_path', out, '--no-pictures'], { cwd: cwd.dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8')).model_order).toEqual(['A', 'B']);
  });

  it('takes images/ beside --gt when --images is not given', async () => {
    const dir = join(cwd.dir, 'beside');
    await mkdir(join(dir, 'images'), { recursive: true });
    await copyFile(GT, join(dir, 'annotations.jsonl'));
    await copyFile(join(EVAL, 'images', 'park5.jpg'), join(dir, 'images', 'park5.jpg'));
    const r = await cliInProcess(['eval', '--gt', join(dir, 'annotations.jsonl'), '--pred', PA, '--indices', '0,2', '--output-dir', join(dir, 'out')], { cwd: cwd.dir });
    // sample 0 uses park5.jpg (present), sample 2 room3.jpg (absent): one picture, one failure with the path
    expect(r.stderr).toMatch(/picture of sample 2 \(attr-003\), model pred_model_a: .*room3\.jpg: no such image/);
    expect(r.code).toBe(1);
    expect((await listFiles(join(dir, 'out'))).filter((f) => f.endsWith('.png'))).toEqual(['eval_attr-001_pred_model_a.png']);
  });

  it('HumanRef-CoT TSVs as ground truth, predictions keyed by split and index', async () => {
    const out = join(cwd.dir, 'cot');
    const r = await cliInProcess(['eval', '--data-dir', join(FIXTURES, 'sample'), '--split', 'main', '--pred', join(EVAL, 'pred_cot_main.jsonl'), '--names', 'M', '--indices', '1', '--output-dir', out], { cwd: cwd.dir });
    expect(r.code).toBe(0);
    const lines = records(await readFile(join(out, 'samples.jsonl'), 'utf8'));
    expect(lines).toHaveLength(16);
    // index 1: the model adds Person 1 to the target Person 3
    expect(lines[1]).toMatchObject({ split: 'main', index: 1, domain: 'humanref-cot' });
    expect(lines[1].models.M).toMatchObject({ recall_50: 1, precision_50: 0.5, file: 'eval_main_1_M.png' });
    expect(lines[3].models.M.has_prediction).toBe(false);
  });

  it('model names with spaces or / (from --names or the file name) are made safe: no exit 70, the viewer written, a failed picture listed', async () => {
    const dir = join(cwd.dir, 'names');
    await mkdir(join(dir, 'images'), { recursive: true });
    await copyFile(join(EVAL, 'images', 'park5.jpg'), join(dir, 'images', 'park5.jpg'));
    const preds = join(dir, 'my preds.jsonl');
    await copyFile(PA, preds);
    // sample 0 draws (park5.jpg), sample 2 fails (room3.jpg is absent): the failed card needs a safe name too.
    const run = async (out: string, names: string[]) => {
      const r = await cliInProcess(['eval', '--gt', GT, '--images', join(dir, 'images'), '--pred', preds, PB, ...names, '--indices', '0,2', '--output-dir', join(dir, out)], { cwd: cwd.dir });
      expect(r.stderr).not.toMatch(/internal error/);
      expect(r.code).toBe(1);
      return { files: (await listFiles(join(dir, out))).filter((f) => f.endsWith('.png')).sort(), viewer: await readFile(join(dir, out, 'viewer-index.js'), 'utf8'), lines: records(await readFile(join(dir, out, 'samples.jsonl'), 'utf8')) };
    };
    const fromFiles = await run('from-files', []);
    expect(fromFiles.files).toEqual(['eval_attr-001_my_preds.png', 'eval_attr-001_pred_model_b.png']);
    for (const name of ['eval_attr-001_my_preds', 'eval_attr-003_my_preds']) expect(fromFiles.viewer).toContain(`"${name}"`);
    const given = await run('given', ['--names', 'a b,m/x']);
    expect(given.files).toEqual(['eval_attr-001_a_b.png', 'eval_attr-001_m_x.png']);
    for (const name of ['eval_attr-001_a_b', 'eval_attr-001_m_x', 'eval_attr-003_a_b', 'eval_attr-003_m_x']) expect(given.viewer).toContain(`"${name}"`);
    // The records keep the names as given.
    expect(Object.keys(given.lines[0].models)).toEqual(['a b', 'm/x']);
    expect(given.lines[2].models['m/x']).toMatchObject({ file: null, error: expect.stringMatching(/no such image/) });
  });

  it('model and model.ft stay two models with two cards each, also where a picture failed', async () => {
    const dir = join(cwd.dir, 'ft');
    await mkdir(join(dir, 'images'), { recursive: true });
    await copyFile(join(EVAL, 'images', 'park5.jpg'), join(dir, 'images', 'park5.jpg'));
    await copyFile(PA, join(dir, 'model.jsonl'));
    await copyFile(PB, join(dir, 'model.ft.jsonl'));
    // Sample 2's photo (room3.jpg) is absent: its two cards are failures, and must stay two.
    const r = await cliInProcess(['eval', '--gt', GT, '--images', join(dir, 'images'), '--pred', join(dir, 'model.jsonl'), join(dir, 'model.ft.jsonl'), '--indices', '0,2', '--output-dir', join(dir, 'out')], { cwd: cwd.dir });
    expect(r.code, r.stderr).toBe(1);
    const index = await readFile(join(dir, 'out', 'viewer-index.js'), 'utf8');
    const names = [...index.matchAll(/\["(eval_[^"]+)"/g)].map((m) => m[1]).sort();
    expect(names).toEqual(['eval_attr-001_model', 'eval_attr-001_model.ft', 'eval_attr-003_model', 'eval_attr-003_model.ft']);
    expect((await listFiles(join(dir, 'out'))).filter((f) => f.endsWith('.png')).sort()).toEqual(['eval_attr-001_model.ft.png', 'eval_attr-001_model.png']);
  });

  it('pictures are named by the sample id, made safe and unique (a repeated or clashing id gets -2)', async () => {
    const dir = join(cwd.dir, 'ids');
    await mkdir(dir, { recursive: true });
    const [first] = (await readFile(GT, 'utf8')).split('\n');
    const line = (id: string) => JSON.stringify({ ...JSON.parse(first), id });
    await writeFile(join(dir, 'gt.jsonl'), [line('a b'), line('a_b'), line('A_B'), line('../x')].join('\n') + '\n');
    const r = await cliInProcess(['eval', '--gt', join(dir, 'gt.jsonl'), '--images', join(EVAL, 'images'), '--pred', PA, '--names', 'M', '--num-vis', 'all', '--output-dir', join(dir, 'out')], { cwd: cwd.dir });
    expect(r.code, r.stderr).toBe(0);
    const lines = records(await readFile(join(dir, 'out', 'samples.jsonl'), 'utf8'));
    expect(lines.map((l) => l.models.M.file)).toEqual(['eval_a_b_M.png', 'eval_a_b-2_M.png', 'eval_A_B-3_M.png', 'eval_.._x_M.png']);
    expect((await listFiles(join(dir, 'out'))).filter((f) => f.endsWith('.png'))).toHaveLength(4);
  });

  it('--shard k/n pictures a round-robin share of the selection, as visualize does', async () => {
    const pictured = async (shard: string) => {
      const out = join(cwd.dir, `shard-${shard.replace('/', '-')}`);
      expect((await cliInProcess(['eval', '--gt', GT, '--images', join(EVAL, 'images'), '--pred', PA, '--names', 'M', '--num-vis', '4', '--shard', shard, '--fast', '--output-dir', out], { cwd: cwd.dir })).code).toBe(0);
      return records(await readFile(join(out, 'samples.jsonl'), 'utf8')).filter((l) => l.models.M.file).map((l) => l.position);
    };
    const [one, two] = [await pictured('1/2'), await pictured('2/2')];
    expect(one).toHaveLength(2);
    expect(two).toHaveLength(2);
    expect(one.filter((p) => two.includes(p))).toEqual([]);
  });
});
