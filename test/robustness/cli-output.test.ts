// Safe outputs: one clear error for an unusable or full output folder; data never becomes a path or markup; nothing outside the folder.
import { unneutraliseCell } from '../../src/outputs/manifest.js';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pythonJson } from '../dataset/helpers.js';
import { readIndexScript } from '../../src/viewer/data-files.js';
import { cli, cliInProcess, decodeFully, exists, isImage, isTemp, listFiles, readManifest, tree, whenImages } from './cli.js';
import { loadCorpus, plainAnnotation, tempDir, writeEntries, type WrittenSplit } from './corpus.js';

const corpus = loadCorpus().filter((s) => s.split === 'main');

let dir: string;
let cleanup: () => Promise<void>;
let split: WrittenSplit;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('output'));
  const entries = Array.from({ length: 40 }, (_, i) => corpus[i % corpus.length]).map((s) => ({ annotationLine: plainAnnotation(s.json), imageLine: s.imageLine }));
  split = await writeEntries(dir, 'forty', entries);
});
afterAll(() => cleanup());

const dataArgs = () => ['--ann-tsv', split.annotationsTsv, '--img-tsv', split.imagesTsv, '--num-vis', 'all'];
const cannotWrite = (stderr: string) => stderr.split('\n').filter((l) => l.includes('cannot write'));

describe('an output folder that cannot take files', () => {
  it('an --output-dir that is a file, or lies below one: one clear error before any sample is read, exit 2', async () => {
    await writeFile(join(dir, 'plain-file'), 'x');
    for (const target of ['plain-file', 'plain-file/out']) {
      const r = await cliInProcess([...dataArgs(), '--output-dir', target], { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(cannotWrite(r.stderr), r.stderr).toHaveLength(1);
      expect(cannotWrite(r.stderr)[0]).toMatch(/^humanref-vis: cannot write .*plain-file.*: it, or a folder above it, is a file, not a folder \((EEXIST|ENOTDIR)\)\. Choose another --output-dir$/);
      expect(r.stderr).not.toMatch(/sample \d+/);
    }
    expect(await readFile(join(dir, 'plain-file'), 'utf8')).toBe('x');
  });

  it('a folder removed mid-run: the run stops with one error (not one per sample), exit 1, and says how far it got', async () => {
    const out = join(dir, 'vanishing');
    let watch: { stop: () => void } | undefined;
    const r = await cli([...dataArgs(), '--concurrency', '2', '--output-dir', out], {
      cwd: dir,
      onSpawn: () => {
        watch = whenImages(out, 1, () => spawnSync('rm', ['-rf', out]));
      },
    });
    watch?.stop();
    expect(r.code, r.stderr).toBe(1);
    expect(cannotWrite(r.stderr), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(/stopped early: the output folder stopped taking files; \d+ not done/);
    expect(r.stderr).not.toMatch(/failed: .*ENOENT/);
  });

  // A full disk needs a tiny file system: a private tmpfs in a user+mount namespace (no root needed; skipped where unavailable).
  const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k none "$0"', '/tmp'], { stdio: 'ignore' });
  it.skipIf(probe.status !== 0)('a full disk: one "disk is full" error, exit 1, only complete images and no temp files left', async () => {
    const out = join(dir, 'full');
    await mkdir(out);
    // Mount, run, then copy what is on the tmpfs out before the namespace (and the mount) goes away.
    const script = 'mount -t tmpfs -o size=900k none "$0" || exit 99; "$@"; rc=$?; mkdir "$0.copy" && cp -a "$0"/. "$0.copy"/; exit $rc';
    const r = await cli([...dataArgs(), '--concurrency', '2', '--output-dir', out], { cwd: dir, prefix: ['unshare', '-rm', 'sh', '-c', script, out] });
    expect(r.code, r.stderr).toBe(1);
    const full = r.stderr.split('\n').filter((l) => l.includes('the disk is full'));
    expect(full, r.stderr).toHaveLength(1);
    expect(full[0]).toMatch(/^humanref-vis: cannot write .*: the disk is full \(ENOSPC\)\. Free space or choose another --output-dir$/);
    expect(r.stderr).toMatch(/stopped early: the output folder stopped taking files/);
    const files = await listFiles(`${out}.copy`);
    expect(files.filter(isTemp)).toEqual([]);
    expect(files.filter(isImage).length).toBeGreaterThan(0);
    for (const f of files.filter(isImage)) await decodeFully(join(`${out}.copy`, f));
  });

  it.skipIf(probe.status !== 0)('a read-only folder (a read-only bind mount, which binds root too): one error before any sample, exit 2', async () => {
    const out = join(dir, 'read-only');
    await mkdir(out);
    const script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" || exit 99; exec "$@"';
    const r = await cli([...dataArgs(), '--output-dir', out], { cwd: dir, prefix: ['unshare', '-rm', 'sh', '-c', script, out] });
    expect(r.code, r.stderr).toBe(2);
    expect(cannotWrite(r.stderr)).toEqual([`humanref-vis: cannot write ${out}: the file system is read-only (EROFS). Choose another --output-dir on a writable file system`]);
    expect(r.stderr).not.toMatch(/sample \d+/);
  });

  it('a file size limit (ulimit -f): one clear error, not one per sample', async () => {
    const out = join(dir, 'ulimit');
    const r = await cli([...dataArgs(), '--concurrency', '2', '--output-dir', out], { cwd: dir, prefix: ['sh', '-c', 'ulimit -f 100 && exec "$@"', 'sh'] });
    expect(r.code, r.stderr).toBe(1);
    expect(cannotWrite(r.stderr), r.stderr).toHaveLength(1);
    expect(r.stderr).not.toMatch(/failed: .*EFBIG/);
  });
});

describe('hostile image keys and expressions', () => {
  const KEYS = ['../../../../tmp/humanref-vis-pwned', '<script>alert(1)</script>', 'nul\u0000byte', 'cr\rin the middle', '/etc/passwd', '..', 'C:\\Windows\\x', '"q",\'q\''];
  const EXPRESSIONS = ['../../../tmp/humanref-vis-pwned-expr', '<img src=x onerror=alert(1)>', 'two\nlines', 'a "quoted", comma', 'nul\u0000', '</div><script>x</script>'];

  it('never become paths, are escaped in index.html, round-trip through manifest.csv and NDJSON, and nothing is written outside the folder', async () => {
    const work = join(dir, 'hostile');
    await mkdir(work);
    const entries = KEYS.map((key, i) => {
      const s = corpus[i % corpus.length];
      const annotation = JSON.parse(s.json.toString('utf8'));
      const expression = EXPRESSIONS[i % EXPRESSIONS.length];
      annotation.region_map = { [expression]: Object.values(annotation.region_map)[0] ?? [] };
      const b64 = s.imageLine.subarray(s.imageLine.indexOf(0x09) + 1);
      return { annotationLine: plainAnnotation(Buffer.from(pythonJson(annotation))), imageLine: Buffer.concat([Buffer.from(key, 'utf8'), Buffer.from('\t'), b64]) };
    });
    const hostile = await writeEntries(work, 'hostile', entries);
    const before = await tree(dir);
    const r = await cliInProcess(['--ann-tsv', hostile.annotationsTsv, '--img-tsv', hostile.imagesTsv, '--num-vis', 'all', '--output-dir', 'out', '--json', '--fast'], { cwd: work });
    expect(r.code, r.stderr).toBe(0);

    // Only out/ and its files are new; nothing next to it, nothing at the paths the keys name.
    const after = await tree(dir);
    const added = after.filter((p) => !before.includes(p));
    const names = KEYS.map((_, i) => `hostile_${String(i).padStart(6, '0')}.png`);
    const stems = names.map((n) => n.replace(/\.png$/, ''));
    const viewerFiles = ['index.html', 'viewer-index.js', 'viewer-text.js', 'viewer-data/', ...stems.flatMap((n) => [`viewer-data/${n}.js`, `viewer-data/${n}.photo`])];
    // The photos keep their own format (jpg or png here).
    expect(added.map((f) => f.replace(/(viewer-data\/.*)\.(jpg|png)$/, '$1.photo')).sort()).toEqual(['hostile/out/', 'hostile/out/manifest.csv', 'hostile/out/run.json', ...viewerFiles.map((f) => `hostile/out/${f}`), ...names.map((n) => `hostile/out/${n}`)].sort());
    expect(await exists('/tmp/humanref-vis-pwned')).toBe(false);
    expect(await exists('/tmp/humanref-vis-pwned-expr')).toBe(false);

    // The page holds no data; the viewer's data file is JSON that gives back every key and expression exactly
    // (the page sets them as text: test/viewer/escaping.browser.test.ts).
    const html = await readFile(join(work, 'out', 'index.html'), 'utf8');
    expect(html).not.toMatch(/alert\(1\)|onerror=alert|<\/div><script|pwned/);
    const viewerIndex = await readIndexScript(join(work, 'out', 'viewer-index.js'));
    expect(viewerIndex?.entries.map((e) => e[19])).toEqual(KEYS);
    expect(viewerIndex?.entries.map((e) => (e[5] as string[])[0])).toEqual(KEYS.map((_, i) => EXPRESSIONS[i % EXPRESSIONS.length]));

    const rows = await readManifest(join(work, 'out'));
    // fast-csv drops NUL characters from fields; everything else (quotes, commas, CR, LF) round-trips.
    const noNul = (text: string) => text.replaceAll('\u0000', '');
    // Text a spreadsheet would run as a formula carries a leading apostrophe (CSV injection); undone here.
    expect(rows.map((row) => unneutraliseCell(row.image_key))).toEqual(KEYS.map(noNul));
    expect(rows.map((row) => unneutraliseCell(row.expression))).toEqual(KEYS.map((_, i) => noNul(EXPRESSIONS[i % EXPRESSIONS.length])));
    expect(rows.map((row) => row.file)).toEqual(names);

    const records = r.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(records.map((x) => x.imageKey)).toEqual(KEYS);
    expect(records.map((x) => x.output)).toEqual(names.map((n) => join(work, 'out', n)));
  });

  it('a warning quoting an expression with line breaks stays one line in the summary', async () => {
    const work = join(dir, 'warn-lines');
    await mkdir(work);
    const s = corpus[0];
    const annotation = { ...JSON.parse(s.json.toString('utf8')), region_map: { 'two\nlines\r\u2028x': [99] } };
    const hostile = await writeEntries(work, 'warn', [{ annotationLine: plainAnnotation(Buffer.from(pythonJson(annotation))), imageLine: s.imageLine }]);
    const r = await cliInProcess(['--ann-tsv', hostile.annotationsTsv, '--img-tsv', hostile.imagesTsv, '--num-vis', 'all', '--output-dir', 'out', '--fast'], { cwd: work });
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    for (const line of lines) expect(line, r.stderr).toMatch(/^(\d+ rendered|  warning: warn sample 0: |humanref-vis: |pictures written: )/);
    expect(lines.some((l) => l.includes('region_map target 99 of "two\\nlines\\r\\u2028x" has no box'))).toBe(true);
  });

  it('a reasoning warning quoting terminal escapes prints them escaped in the summary', async () => {
    const work = join(dir, 'warn-escapes');
    await mkdir(work);
    const s = corpus[0];
    const think = 'OK, the user needs us to detect x.\n# Step 1: Look\n- Nobody\u001b[2J\u009b31m\u0085here → ✅\n# Summarize and Re-Check answer\n- Person 1: ✅';
    const annotation = { gt_boxes: [[1, 2, 30, 40]], region_map: { x: [0] }, think };
    const hostile = await writeEntries(work, 'esc', [{ annotationLine: plainAnnotation(Buffer.from(pythonJson(annotation))), imageLine: s.imageLine }]);
    const r = await cliInProcess(['--ann-tsv', hostile.annotationsTsv, '--img-tsv', hostile.imagesTsv, '--num-vis', 'all', '--output-dir', 'out', '--fast'], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Nobody\\u001b[2J');
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
