// Progress on stderr: a redrawn line on a terminal; in logs (nohup, SLURM, CI) a plain line every ~10 s or 5 %.
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** In a log, a line at most this often... */
const LOG_EVERY_MS = 10_000;
/** ...and only after this share of the work more: whichever is rarer, so a log gets at most ~20 lines a run. */
const LOG_EVERY_SHARE = 0.05;

export class Progress {
  private done = 0;
  private failed = 0;
  private lastDraw = 0;
  private lastLogged = { at: 0, done: 0 };
  private readonly started: number;
  private readonly mode: 'tty' | 'log' | 'off';

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    private readonly label: string,
    options: { quiet?: boolean; now?: () => number } = {},
  ) {
    this.mode = options.quiet || total <= 0 ? 'off' : stream.isTTY ? 'tty' : 'log';
    this.now = options.now ?? Date.now;
    this.started = this.now();
    this.lastLogged.at = this.started;
  }

  private readonly now: () => number;

  private line(t: number): string {
    const percent = Math.floor((this.done / this.total) * 100);
    const failed = this.failed ? `, ${this.failed} failed` : '';
    const seconds = (t - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const eta = rate > 0 && this.done < this.total ? `, ${formatSeconds((this.total - this.done) / rate)} left` : '';
    return `${this.label} ${this.done}/${this.total} (${percent}%)${failed}, ${rate.toFixed(1)}/s${eta}`;
  }

  tick(ok: boolean): void {
    this.done++;
    if (!ok) this.failed++;
    const t = this.now();
    if (this.mode === 'tty') {
      // Redraw at most ten times a second: a terminal write per sample would cost more than it shows.
      if (t - this.lastDraw >= 100 || this.done === this.total) {
        this.lastDraw = t;
        this.stream.write(`\r\x1b[2K${this.line(t)}`);
      }
    } else if (this.mode === 'log' && this.done < this.total) {
      // The last sample needs no line: the summary follows.
      if (t - this.lastLogged.at >= LOG_EVERY_MS && this.done - this.lastLogged.done >= this.total * LOG_EVERY_SHARE) {
        this.lastLogged = { at: t, done: this.done };
        this.stream.write(`${this.line(t)}\n`);
      }
    }
  }

  /** Clears the line so the summary starts on a clean one. */
  finish(): void {
    if (this.mode === 'tty' && this.lastDraw > 0) this.stream.write('\r\x1b[2K');
  }
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
