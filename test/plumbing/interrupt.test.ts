// watchInterrupts: one signal delivered twice at once (timeout(1) and process-group kills send it to the process and to its
// group) is still the first interrupt; a second one sent later stops at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchInterrupts } from '../../src/plumbing/interrupt.js';

afterEach(() => vi.restoreAllMocks());

function watch() {
  const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
  const now = vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
  const stderr: string[] = [];
  const w = watchInterrupts({ write: (t: string) => stderr.push(t) });
  // Only our own handler: other listeners (the test runner's) must not see these synthetic signals.
  const handler = process.listeners('SIGINT').at(-1) as (name: NodeJS.Signals) => void;
  return { w, kill, now, stderr, handler };
}

describe('watchInterrupts', () => {
  it('the same SIGINT delivered twice within a moment asks the run to stop, and does not kill the process', () => {
    const { w, kill, stderr, handler } = watch();
    handler('SIGINT');
    handler('SIGINT');
    expect(w.signal.aborted).toBe(true);
    expect(w.signal.reason).toBe('SIGINT');
    expect(kill).not.toHaveBeenCalled();
    expect(stderr.join('')).toContain('finishing the samples in progress');
    w.dispose();
  });

  it('a second SIGINT sent a second later stops at once', () => {
    const { w, kill, now, handler } = watch();
    handler('SIGINT');
    now.mockReturnValue(1_001_000);
    handler('SIGINT');
    expect(kill).toHaveBeenCalledWith(process.pid, 'SIGINT');
    w.dispose();
  });
});
