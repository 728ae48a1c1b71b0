// The manifest.csv an earlier run left in the folder, read back so a new run can merge with it.
import { readEarlierFile } from '../fs/earlier-file.js';
import { loadCsv, MANIFEST_FILE, MANIFEST_HEADERS, type ManifestRow } from './manifest-format.js';

/** The rows of the folder's manifest.csv before this run; a file that is not our manifest is moved aside, not lost. */
export function readEarlierRows(dir: string, onWarning: (message: string) => void): Promise<ManifestRow[]> {
  return readEarlierFile<ManifestRow[]>(
    {
      dir,
      name: MANIFEST_FILE,
      parse: parseManifest,
      empty: [],
      asideName: (stamp) => `manifest.unreadable-${stamp}.csv`,
      what: 'a manifest',
    },
    onWarning,
  );
}

async function parseManifest(text: string): Promise<ManifestRow[]> {
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
}
