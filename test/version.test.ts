// The tool's name and version come from package.json, the one place they are written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toolInfo } from '../src/version.js';

describe('toolInfo', () => {
  it('is the name and version of package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(toolInfo()).toEqual({ name: pkg.name, version: pkg.version });
    expect(toolInfo().version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
