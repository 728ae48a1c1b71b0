// The JSONL line reader: a reader that stops early closes its file.
import { readdirSync, readlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../src/eval/jsonl.js';
import { tempDirForFile } from '../cli.js';

const tmp = tempDirForFile('jsonl');

/** The process's open files that are `file` (Linux: /proc/self/fd). */
function openCopies(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false;
    }
  }).length;
}

describe('readJsonl', () => {
  it.runIf(process.platform === 'linux')('leaves no file open when the caller stops after the first line', async () => {
    const file = path.join(tmp.dir, 'long.jsonl');
    await writeFile(file, '{"a": 1}\n'.repeat(50_000));
    for (let i = 0; i < 3; i++) {
      for await (const entry of readJsonl(file, 'test file')) {
        expect(entry.line).toBe(1);
        break;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openCopies(file)).toBe(0);
  });
});
