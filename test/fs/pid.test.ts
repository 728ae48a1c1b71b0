// Whether a process id still names a running process (a dead run's temp files and locks are cleared by it).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isAlive } from '../../src/fs/pid.js';

describe('isAlive', () => {
  it('is true for this process and false for one that has exited', () => {
    expect(isAlive(process.pid)).toBe(true);
    const child = spawnSync(process.execPath, ['-e', '0']);
    expect(child.status).toBe(0);
    expect(isAlive(child.pid!)).toBe(false);
  });

  it.runIf(process.platform === 'linux' && process.getuid?.() !== 0)("is true for a process of another user (EPERM), pid 1", () => {
    expect(isAlive(1)).toBe(true);
  });
});
