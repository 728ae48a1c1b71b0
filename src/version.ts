// The tool's name and version, read from package.json (the one place they are written).
import { readFileSync } from 'node:fs';

/** package.json of the installed package: dist/version.js (or src/version.ts) -> ../package.json. */
const PACKAGE_JSON = new URL('../package.json', import.meta.url);

let cached: { name: string; version: string } | undefined;

export function toolInfo(): { name: string; version: string } {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { name: string; version: string };
    cached = { name: pkg.name, version: pkg.version };
  }
  return cached;
}
