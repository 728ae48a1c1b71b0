// --workers: its default follows the cores (one on two cores; none on a one-core machine, where a thread would only add its start-up).
import { describe, expect, it } from 'vitest';
import { defaultWorkers, parseWorkers } from '../../src/options/concurrency.js';

describe('defaultWorkers', () => {
  it('one drawing thread per core from three cores up; one on two cores', () => {
    expect(defaultWorkers(8)).toBe(8);
    expect(defaultWorkers(3)).toBe(3);
    expect(defaultWorkers(2)).toBe(1);
  });

  it('0 (draw on the main thread) on a one-core machine', () => {
    expect(defaultWorkers(1)).toBe(0);
  });
});

describe('parseWorkers', () => {
  it('takes 0 to 256, and the default when absent', () => {
    expect(parseWorkers(undefined, 3)).toBe(3);
    expect(parseWorkers('0', 3)).toBe(0);
    expect(parseWorkers('256', 3)).toBe(256);
  });

  it('refuses anything else with a usage error naming the option', () => {
    for (const bad of ['', '-1', '1.5', 'two', '257']) expect(() => parseWorkers(bad, 3), bad).toThrow(/--workers must be a whole number from 0/);
  });
});
