// manifest.csv: its columns, one row per outcome in selection order, streamed or at once, safe in a spreadsheet.
import { parseString } from 'fast-csv';
import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MANIFEST_HEADERS, manifestCsv, ManifestWriter } from '../../src/outputs/manifest.js';
import { failed, hostile, rendered } from './outcomes.js';

describe('manifest.csv', () => {
  it('has the header, one row per outcome in selection order, and survives commas, quotes and newlines', async () => {
    const csv = await manifestCsv([rendered(7, 2), failed, rendered(4, 0)]);
    const rows: Record<string, string>[] = [];
    await new Promise<void>((resolve, reject) => {
      parseString(csv, { headers: true })
        .on('data', (row: Record<string, string>) => rows.push(row))
        .on('end', () => resolve())
        .on('error', reject);
    });
    expect(csv.split('\n')[0]).toBe(MANIFEST_HEADERS.join(','));
    expect(rows.map((r) => r.index)).toEqual(['4', '9', '7']);
    expect(rows[0]).toMatchObject({ split: 'main', ann_offset: '1234', img_offset: '5000000000', expression: hostile, candidates: '3', targets: '2 3', cot_targets: '1', consistent: 'false', warnings: 'a warning, with comma', file: 'main_000004.png', status: 'rendered', error: '' });
    expect(rows[1]).toMatchObject({ split: 'rejection', status: 'failed', file: '', error: failed.status === 'failed' ? failed.error : '' });
  });
});

describe('streamed manifest', () => {
  it('write the same bytes as the one-shot forms, and appear only on commit', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-stream-'));
    try {
      const outcomes = [rendered(4, 0), failed, rendered(7, 2)];
      const manifest = await ManifestWriter.open(dir);
      for (const o of outcomes) await manifest.add(o);
      expect((await readdir(dir)).filter((f) => !f.startsWith('.'))).toEqual([]);
      await manifest.commit();
      expect((await readdir(dir)).sort()).toEqual(['manifest.csv']);
      expect(await readFile(path.join(dir, 'manifest.csv'), 'utf8')).toBe(await manifestCsv(outcomes));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('abort leaves nothing behind', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'humanref-vis-stream-'));
    try {
      const manifest = await ManifestWriter.open(dir);
      await manifest.add(failed);
      await manifest.abort();
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('manifest.csv against formula injection', () => {
  it('prefixes text cells a spreadsheet would run with an apostrophe; numbers stay numbers', async () => {
    const { manifestCsv, neutraliseCell } = await import('../../src/outputs/manifest.js');
    for (const start of ['=', '+', '-', '@', '\t', '\r', '＝']) expect(neutraliseCell(`${start}HYPERLINK("x")`)).toBe(`'${start}HYPERLINK("x")`);
    expect(neutraliseCell("'=1")).toBe("'=1");
    expect(neutraliseCell('a=1')).toBe('a=1');
    const record = {
      index: 3, split: '-split', annOffset: 10, imgOffset: 20, imageKey: '@key', image: { width: 1, height: 1, format: 'png' as const },
      expressions: ['=cmd|" /C calc"!A0'], candidates: [], targets: [], cotTargets: [], consistent: true, rejection: true,
      warnings: ['+warn'], output: '/x/-split_000003.png',
    };
    const csv = await manifestCsv([
      { status: 'rendered', position: 0, record, file: '-split_000003.png', verdictCounts: { '✅': 0, '❌': 0, '⚠️': 0, none: 0 } },
      { status: 'failed', position: 1, split: '=s', index: 4, annOffset: 7, imgOffset: null, error: '-bad', errorCode: 'invalid-json' },
    ]);
    const [, rendered, failed] = csv.trim().split('\n');
    expect(rendered).toBe(`3,'-split,10,20,'@key,"'=cmd|"" /C calc""!A0",0,,,true,'+warn,'-split_000003.png,rendered,,`);
    expect(failed).toBe(`4,'=s,7,,,,,,,,,,failed,'-bad,`);
  });
});
