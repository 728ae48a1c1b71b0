// Hands results on in position order although workers finish in any order: output stays deterministic.
export class InOrder<T> {
  private readonly waiting = new Map<number, T | null>();
  private next = 0;

  constructor(private readonly emit: (value: T) => void) {}

  /** `null` marks a position that produces nothing but must not hold up the ones after it. */
  put(position: number, value: T | null): void {
    this.waiting.set(position, value);
    while (this.waiting.has(this.next)) {
      const ready = this.waiting.get(this.next);
      this.waiting.delete(this.next++);
      if (ready !== null && ready !== undefined) this.emit(ready);
    }
  }

  /** Emits what is left after gaps (positions never started because the run stopped), still in order. */
  flush(): void {
    for (const position of [...this.waiting.keys()].sort((a, b) => a - b)) {
      const value = this.waiting.get(position);
      if (value !== null && value !== undefined) this.emit(value);
    }
    this.waiting.clear();
  }
}
