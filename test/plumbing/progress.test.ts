import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/plumbing/progress.js';

describe('Progress', () => {
  it('draws only on a TTY and not when quiet, then clears its line', () => {
    let clock = 0;
    const tty = { text: '', isTTY: true, write(t: string) { this.text += t; } };
    const p = new Progress(tty, 4, 'rendering', { now: () => clock });
    for (let i = 0; i < 4; i++) {
      clock += 500;
      p.tick(i !== 2);
    }
    p.finish();
    expect(tty.text).toContain('rendering 1/4 (25%), 2.0/s, 2 s left');
    expect(tty.text).toContain('rendering 4/4 (100%), 1 failed');
    expect(tty.text.endsWith('\r\x1b[2K')).toBe(true);
    for (const stream of [{ text: '', isTTY: false }, { text: '', isTTY: true }]) {
      const w = { ...stream, write(t: string) { this.text += t; } };
      const q = new Progress(w, 2, 'x', { quiet: true, now: () => (clock += 1000) });
      q.tick(true);
      q.finish();
      expect(w.text).toBe('');
    }
  });

  it('in a log (stderr not a TTY) prints plain lines every 10 s or 5 %, whichever is rarer, never a carriage return', () => {
    let clock = 0;
    const log = { text: '', isTTY: false, write(t: string) { this.text += t; } };
    // 1000 samples, one every 100 ms: 5 % (50 samples) takes 5 s, so the 10 s rule sets the pace (every 100 samples).
    const p = new Progress(log, 1000, 'rendering', { now: () => clock });
    for (let i = 0; i < 1000; i++) {
      clock += 100;
      p.tick(true);
    }
    p.finish();
    const lines = log.text.split('\n').filter(Boolean);
    expect(log.text).not.toMatch(/[\r\x1b]/);
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe('rendering 100/1000 (10%), 10.0/s, 1 min 30 s left');
    expect(lines[8]).toBe('rendering 900/1000 (90%), 10.0/s, 10 s left');
    // Slow samples (one every 30 s): 10 s pass at once, so the 5 % rule sets the pace (every 5 samples of 100).
    const slow = { text: '', isTTY: false, write(t: string) { this.text += t; } };
    const q = new Progress(slow, 100, 'rendering', { now: () => clock });
    for (let i = 0; i < 100; i++) {
      clock += 30_000;
      q.tick(i % 2 === 0);
    }
    const slowLines = slow.text.split('\n').filter(Boolean);
    expect(slowLines).toHaveLength(19);
    expect(slowLines[0]).toBe('rendering 5/100 (5%), 2 failed, 0.0/s, 47 min 30 s left');
  });
});
