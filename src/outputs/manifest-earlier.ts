// The manifest.csv an earlier run left in the folder, read back so a new run can merge with it.
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { loadCsv, MANIFEST_FILE, MANIFEST_HEADERS, type ManifestRow } from './manifest-format.js';

/** The rows of the folder's manifest.csv before this run; a file that is not our manifest is moved aside, not lost. */
export async function readEarlierRows(dir: string, onWarning: (message: string) => void): Promise<ManifestRow[]> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    // No manifest: a first run, or an earlier run killed before it wrote one.
    return [];
  }
  try {
    const { parseString } = await loadCsv();
    const rows = await new Promise<Record<string, string>[]>((resolve, reject) => {
      const out: Record<string, string>[] = [];
      parseString(text, { headers: true, ignoreEmpty: true })
        .on('error', reject)
        .on('data', (row: Record<string, string>) => out.push(row))
        .on('end', () => resolve(out));
    });
    if (rows.length > 0 && !('status' in rows[0] && 'index' in rows[0] && 'file' in rows[0])) throw new Error('it has no index, file and status columns');
    // A manifest of the previous release has no `run` column: its rows keep an empty one.
    return rows.map((r) => Object.fromEntries(MANIFEST_HEADERS.map((h) => [h, r[h] ?? ''])) as ManifestRow);
  } catch (error) {
    const aside = path.join(dir, `manifest.unreadable-${Date.now()}.csv`);
    await rename(file, aside).catch(() => undefined);
    onWarning(`${file} could not be read as a manifest (${(error as Error).message}); it was kept as ${aside}`);
    return [];
  }
}

