// A one-line progress display on stderr, only when it is a terminal and the user did not ask for --quiet.
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private lastDraw = 0;
  private readonly started: number;
  private readonly enabled: boolean;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly label: string,
    options: { quiet?: boolean; now?: () => number } = {},
  ) {
    this.enabled = Boolean(stream.isTTY) && !options.quiet && total > 0;
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  private readonly now: () => number;

  tick(ok: boolean): void {
    this.done++;
    if (!ok) this.failed++;
    // Redraw at most ten times a second: a terminal write per sample would cost more than it shows.
    const t = this.now();
    if (this.enabled && (t - this.lastDraw >= 100 || this.done === this.total)) {
      this.lastDraw = t;
      const percent = Math.floor((this.done / this.total) * 100);
      const failed = this.failed ? `, ${this.failed} failed` : '';
      const seconds = (t - this.started) / 1000;
      const rate = seconds > 0 ? this.done / seconds : 0;
      const eta = rate > 0 && this.done < this.total ? `, ${formatSeconds((this.total - this.done) / rate)} left` : '';
      this.stream.write(`\r\x1b[2K${this.label} ${this.done}/${this.total} (${percent}%)${failed}, ${rate.toFixed(1)}/s${eta}`);
    }
  }

  /** Clears the line so the summary starts on a clean one. */
  finish(): void {
    if (this.enabled && this.lastDraw > 0) this.stream.write('\r\x1b[2K');
  }
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
