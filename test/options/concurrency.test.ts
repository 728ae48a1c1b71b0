// --workers: its default follows the cores (one on two cores; none on a one-core machine, where a thread would only add its start-up).
import { afterEach, describe, expect, it, vi } from 'vitest';

const cores = vi.hoisted(() => ({ n: 8 }));
vi.mock('node:os', async (importOriginal) => ({ ...(await importOriginal<typeof import('node:os')>()), availableParallelism: () => cores.n }));

const { defaultWorkers, parseWorkers } = await import('../../src/options/concurrency.js');

afterEach(() => {
  cores.n = 8;
});

describe('defaultWorkers', () => {
  it('one drawing thread per core from three cores up; one on two cores', () => {
    cores.n = 8;
    expect(defaultWorkers()).toBe(8);
    cores.n = 3;
    expect(defaultWorkers()).toBe(3);
    cores.n = 2;
    expect(defaultWorkers()).toBe(1);
  });

  it('0 (draw on the main thread) on a one-core machine', () => {
    cores.n = 1;
    expect(defaultWorkers()).toBe(0);
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
