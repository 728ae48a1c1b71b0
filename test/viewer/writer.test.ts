// The viewer's files without a browser: parseable back, merged with an earlier run, photos unrotated, names checked.
import { mkdtemp, open, readFile, readdir, readlink, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readIndexScript } from '../../src/viewer/data-files.js';
import { exifOrientation } from '../../src/viewer/exif.js';
import type { ViewerEntry } from '../../src/viewer/types.js';
import { ViewerWriter, writeViewer } from '../../src/viewer/writer.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-viewer-w-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function entry(name: string, extra: Partial<ViewerEntry> = {}): ViewerEntry {
  const [split, index] = name.split('_');
  return {
    name,
    split,
    index: Number(index),
    status: 'rendered',
    file: `${name}.png`,
    expressions: [`expression of ${name}`],
    candidates: 2,
    verdictCounts: { '✅': 1, '❌': 1, '⚠️': 0, none: 0 },
    consistent: true,
    rejection: false,
    warnings: [],
    searchText: `Reasoning of ${name}`,
    ...extra,
  };
}

const touch = (name: string) => writeFile(path.join(dir, name), 'png');
const index = async () => (await readIndexScript(path.join(dir, 'viewer-index.js')))!;
const texts = async () => {
  const out: Record<string, string> = {};
  const lines = (await readFile(path.join(dir, 'viewer-text.js'), 'utf8')).split('\n').slice(1, -2);
  for (const line of lines) Object.assign(out, JSON.parse(`{${line.slice(0, -1)}}`));
  return out;
};

describe('viewer data files', () => {
  it('parse back exactly, also with markup, quotes, newlines and U+2028 in the data', async () => {
    const nasty = '</script><script>alert(1)</script> "q" \n \u2028 <img src=x onerror=alert(1)>';
    const e = entry('main_000001', { expressions: [nasty], warnings: [nasty], kinds: ['wrong'], score: 0.25, imageKey: nasty, searchText: nasty });
    await writeViewer(dir, [e, entry('rejection_000002', { status: 'failed', file: undefined, error: nasty, score: Number.NaN, searchText: undefined })], { run: { seed: 3, command: nasty } });
    const data = await index();
    expect(data.runs).toEqual([{ seed: 3, command: nasty }]);
    expect(data.entries[0]).toEqual(['main_000001', 'main_000001.png', 'main', 1, 'rendered', [nasty], 2, 1, 1, 0, 0, 1, 0, [nasty], ['wrong'], 0.25, null, 0, 0, nasty, null]);
    // NaN has no JSON form: it becomes "no score", not a broken file.
    expect(data.entries[1].slice(14, 17)).toEqual([[], null, nasty]);
    expect(await texts()).toEqual({ main_000001: nasty.toLowerCase() });
    expect((await readdir(dir)).sort()).toEqual(['index.html', 'viewer-data', 'viewer-index.js', 'viewer-text.js']);
    const html = await readFile(path.join(dir, 'index.html'), 'utf8');
    expect(html).not.toContain(nasty.slice(0, 20));
  });

  it('a second run merges: earlier entries whose pictures remain are kept, same names are replaced, gone pictures dropped', async () => {
    await Promise.all(['main_000001.png', 'main_000002.png', 'main_000003.png'].map(touch));
    await writeViewer(dir, [entry('main_000001'), entry('main_000002'), entry('main_000003'), entry('main_000009', { status: 'failed', file: undefined, error: 'bad', searchText: undefined })], { run: { run: 'first' } });
    await unlink(path.join(dir, 'main_000003.png'));
    await touch('main_000004.png');
    await writeViewer(dir, [entry('main_000002', { expressions: ['second run'], searchText: 'Second' }), entry('main_000004')], { run: { run: 'second' } });
    const data = await index();
    expect(data.runs).toEqual([{ run: 'first' }, { run: 'second' }]);
    const rows = Object.fromEntries(data.entries.map((r) => [r[0], r]));
    expect(Object.keys(rows).sort()).toEqual(['main_000001', 'main_000002', 'main_000004', 'main_000009']);
    expect(rows.main_000001[17]).toBe(0);
    expect(rows.main_000002[5]).toEqual(['second run']);
    expect(rows.main_000002[17]).toBe(1);
    expect(rows.main_000009[4]).toBe('failed');
    expect(await texts()).toEqual({ main_000001: 'reasoning of main_000001', main_000002: 'second', main_000004: 'reasoning of main_000004' });
    // A foreign or hand-edited row (a path as file name, a short row) is dropped, not merged.
    const text = await readFile(path.join(dir, 'viewer-index.js'), 'utf8');
    await writeFile(path.join(dir, 'viewer-index.js'), text.replace('"entries":[\n', '"entries":[\n["evil","../../etc/passwd","main",1,"rendered",[],0,0,0,0,0,1,0,[],[],null,null,0,0,""],\n["short"],\n'));
    await writeViewer(dir, [entry('main_000005')]);
    expect((await index()).entries.map((r) => r[0]).sort()).toEqual(['main_000001', 'main_000002', 'main_000004', 'main_000005', 'main_000009']);
    // merge: false starts over.
    await writeViewer(dir, [entry('main_000004')], { merge: false });
    expect((await index()).entries.map((r) => r[0])).toEqual(['main_000004']);
  });

  it('writes the detail script and the photo as stored (orientation reset only), and refuses names that are paths', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#f00' } }).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const detail = { image: { width: 40, height: 20 }, candidates: [{ person: 1, box: [1, 2, 30, 18] as [number, number, number, number], verdict: '⚠️' as const, target: false }], regionMap: [], cotTargets: [], reasoning: 'x', mentions: [], lines: [] };
    await writeViewer(dir, [entry('main_000001', { detail, image: { bytes: jpeg, format: 'jpeg' } })]);
    const written = await readFile(path.join(dir, 'viewer-data', 'main_000001.jpg'));
    expect(exifOrientation(written, 'jpeg')).toBe(1);
    expect(written.length).toBe(jpeg.length);
    expect([...written].filter((b, i) => b !== jpeg[i]).length).toBe(1);
    const script = await readFile(path.join(dir, 'viewer-data', 'main_000001.js'), 'utf8');
    const payload = JSON.parse(script.replace(/^HRV_SAMPLE\(/, '').replace(/\);\n$/, ''));
    expect(payload.image).toEqual({ width: 40, height: 20, file: 'viewer-data/main_000001.jpg' });
    expect(payload.candidates[0]).toMatchObject({ person: 1, color: '#f0a500' });
    // A photo given by path is copied (orientation reset the same way).
    const file = path.join(dir, 'source.jpg');
    await writeFile(file, jpeg);
    await writeViewer(dir, [entry('main_000002', { detail, image: { path: file, format: 'jpeg' } })]);
    const copied = await readFile(path.join(dir, 'viewer-data', 'main_000002.jpg'));
    expect(copied.equals(written)).toBe(true);
    for (const bad of ['../main_000001', '..', '.', 'a/b', '', 'x\u0000', 'a b']) {
      await expect(writeViewer(dir, [entry(bad)])).rejects.toThrow(/not a plain file name/);
    }
  });
});

describe('viewer-data/ as a planted symlink next to the pictures', () => {
  it('is refused: nothing is written where it points', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'humanref-vis-elsewhere-'));
    try {
      await symlink(elsewhere, path.join(dir, 'viewer-data'));
      await touch('main_000001.png');
      const detail = { image: { width: 4, height: 4 }, candidates: [], regionMap: [], cotTargets: [], reasoning: '', mentions: [], lines: [] };
      await expect(writeViewer(dir, [entry('main_000001', { detail })])).rejects.toThrow(/viewer-data: it is a symbolic link, and the viewer writes only inside the output folder/);
      expect(await readdir(elsewhere)).toEqual([]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('a full disk when the viewer opens', () => {
  it('leaves no temp file and no open handle behind', async () => {
    const probe = await open(path.join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { writeFile: (...args: unknown[]) => Promise<void> };
    await probe.close();
    await unlink(path.join(dir, 'probe'));
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const spy = vi.spyOn(proto, 'writeFile').mockRejectedValue(full);
    try {
      await expect(ViewerWriter.open(dir)).rejects.toThrow(/the disk is full \(ENOSPC\)/);
    } finally {
      spy.mockRestore();
    }
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const fds = await Promise.all((await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
    expect(fds.filter((t) => t.startsWith(dir))).toEqual([]);
  });
});
