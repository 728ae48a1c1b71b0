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
      const q = new Progress(w, 2, 'x', { quiet: stream.isTTY, now: () => (clock += 1000) });
      q.tick(true);
      q.finish();
      expect(w.text).toBe('');
    }
  });
});
