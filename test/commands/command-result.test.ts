// An action's returned exit code is what cli.ts reads; a thrown error leaves it alone.
import { describe, expect, it } from 'vitest';
import { returningExitCode, type CommandResult } from '../../src/commands/command-result.js';

describe('returningExitCode', () => {
  it('stores the code the action returns, passing its arguments through', async () => {
    const result: CommandResult = { exitCode: 0 };
    const seen: unknown[] = [];
    await returningExitCode(result, async (a: string, b: number) => {
      seen.push(a, b);
      return 3;
    })('x', 7);
    expect([result.exitCode, seen]).toEqual([3, ['x', 7]]);
  });

  it('rethrows what the action throws and keeps the earlier code', async () => {
    const result: CommandResult = { exitCode: 5 };
    await expect(returningExitCode(result, async () => Promise.reject(new Error('boom')))()).rejects.toThrow('boom');
    expect(result.exitCode).toBe(5);
  });
});
