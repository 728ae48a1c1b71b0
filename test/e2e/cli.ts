// The e2e suites run the CLI through the shared helper (test/cli.ts), in an empty temp folder so no dataset sits at the default places.
import { tempDir } from '../cli.js';

export { cli, cliInProcess, BIN, FIXTURES, isImage, isTemp, listFiles, ROOT, tempDirForFile, type CliResult } from '../cli.js';
export type { BrokenCase } from '../fixtures/cases.js';

export function tempCwd(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  return tempDir('e2e');
}
