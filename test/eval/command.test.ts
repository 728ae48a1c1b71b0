// `humanref-vis eval` end to end on fixtures/eval: outputs, --json, bad lines (exit 1), usage errors (exit 2), selection.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, listFiles, tempDirForFile } from '../e2e/cli.js';

const EVAL = join(FIXTURES, 'eval');
const GT = join(EVAL, 'annotations.jsonl');
const PA = join(EVAL, 'pred_model_a.jsonl');
const PB = join(EVAL, 'pred_model_b.jsonl');

const cwd = tempDirForFile('eval-command');

const records = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));

describe('humanref-vis eval', () => {
  it('writes metrics.json, metrics.md, samples.jsonl and one picture per selected sample and model; the table on stdout', async () => {
    const out = join(cwd.dir, 'full');
    const r = await cli(['eval', '--gt', GT, '--images', join(EVAL, 'images'), '--pred', PA, PB, '--names', 'A,B', '--output_dir', out, '--num_vis', '2'], { cwd: cwd.dir });
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
    const r = await cli(['eval', '--gt', GT, '--images', join(EVAL, 'images'), '--pred', PA, PB, '--names', 'A,B', '--output_dir', out, '--num_vis', '1', '--seed', '7'], { cwd: cwd.dir });
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
    const r = await cli(['eval', '--gt', GT, '--pred', PA, '--json', '--no-pictures', '--output-dir', out], { cwd: cwd.dir });
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
    const r = await cli(['eval', '--gt', gt, '--pred', pred, '--no-pictures', '--output-dir', join(dir, 'out')], { cwd: cwd.dir });
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
    [['eval', '--gt', GT, '--pred', PA, PB, '--names', 'x y,x_y'], /two models would share the name "x_y"/],
    // Case-insensitive file systems (macOS, Windows) would write both models' pictures to one file.
    [['eval', '--gt', GT, '--pred', PA, PB, '--names', 'Model,model'], /two models would share the name "model"/],
    [['eval', '--gt', GT, '--pred', PA, '--only', 'inconsistent'], /--only: "inconsistent" is not one of wrong, rejection/],
    [['eval', '--gt', GT, '--pred', PA, '--worst', '0'], /--worst must be/],
    [['eval', '--gt', GT, '--pred', PA, '--indices', '3,16'], /--indices 16: the ground truth has positions 0 to 15/],
  ])('usage error (exit 2): %j', async (args, message) => {
    const r = await cli(args, { cwd: cwd.dir });
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });

  it('--worst N pictures the N lowest-scoring samples; --only wrong only samples some model got wrong', async () => {
    const worst = join(cwd.dir, 'worst');
    expect((await cli(['eval', '--gt', GT, '--pred', PA, PB, '--names', 'A,B', '--worst', '3', '--format', 'jpeg', '--output-dir', worst], { cwd: cwd.dir })).code).toBe(0);
    const lines = records(await readFile(join(worst, 'samples.jsonl'), 'utf8'));
    const pictured = lines.filter((l) => l.models.A.file).map((l) => l.position);
    const expected = [...lines].sort((a, b) => a.score - b.score || a.position - b.position).slice(0, 3).map((l) => l.position);
    expect(pictured.sort()).toEqual(expected.sort());
    expect(lines.filter((l) => l.models.A.file)[0].models.A.file).toMatch(/^eval_\d{6}_A\.jpg$/);

    const wrong = join(cwd.dir, 'wrong');
    expect((await cli(['eval', '--gt', GT, '--pred', PA, PB, '--names', 'A,B', '--only', 'wrong', '--num-vis', 'all', '--fast', '--output-dir', wrong], { cwd: cwd.dir })).code).toBe(0);
    const w = records(await readFile(join(wrong, 'samples.jsonl'), 'utf8'));
    const picked = w.filter((l) => l.models.A.file);
    expect(picked.length).toBe(w.filter((l) => l.models.A.wrong || l.models.B.wrong).length);
    expect(picked.length).toBeGreaterThan(5);
  });

  it("accepts upstream's spellings: --gt_path, --pred_path, --pred_names, --dump_path", async () => {
    const out = join(cwd.dir, 'upstream-flags');
    const r = await cli(['eval', '--gt_path', GT, '--pred_path', PA, PB, '--pred_names', 'A', 'B', '--dump_path', out, '--no-pictures'], { cwd: cwd.dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(join(out, 'metrics.json'), 'utf8')).model_order).toEqual(['A', 'B']);
  });

  it('takes images/ beside --gt when --images is not given', async () => {
    const dir = join(cwd.dir, 'beside');
    await mkdir(join(dir, 'images'), { recursive: true });
    await copyFile(GT, join(dir, 'annotations.jsonl'));
    await copyFile(join(EVAL, 'images', 'park5.jpg'), join(dir, 'images', 'park5.jpg'));
    const r = await cli(['eval', '--gt', join(dir, 'annotations.jsonl'), '--pred', PA, '--indices', '0,2', '--output-dir', join(dir, 'out')], { cwd: cwd.dir });
    // sample 0 uses park5.jpg (present), sample 2 room3.jpg (absent): one picture, one failure with the path
    expect(r.stderr).toMatch(/picture of sample 2 \(attr-003\), model pred_model_a: .*room3\.jpg: no such image/);
    expect(r.code).toBe(1);
    expect((await listFiles(join(dir, 'out'))).filter((f) => f.endsWith('.png'))).toEqual(['eval_000000_pred_model_a.png']);
  });

  it('HumanRef-CoT TSVs as ground truth, predictions keyed by split and index', async () => {
    const out = join(cwd.dir, 'cot');
    const r = await cli(['eval', '--data-dir', join(FIXTURES, 'sample'), '--split', 'main', '--pred', join(EVAL, 'pred_cot_main.jsonl'), '--names', 'M', '--indices', '1', '--output-dir', out], { cwd: cwd.dir });
    expect(r.code).toBe(0);
    const lines = records(await readFile(join(out, 'samples.jsonl'), 'utf8'));
    expect(lines).toHaveLength(16);
    // index 1: the model adds Person 1 to the target Person 3
    expect(lines[1]).toMatchObject({ split: 'main', index: 1, domain: 'humanref-cot' });
    expect(lines[1].models.M).toMatchObject({ recall_50: 1, precision_50: 0.5, file: 'eval_000001_M.png' });
    expect(lines[3].models.M.has_prediction).toBe(false);
  });
});
