/** A one-line progress display on a terminal (stderr), redrawn at most four times a second. */
export class Progress {
  private last = 0;
  private readonly started = Date.now();

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly enabled: boolean,
    private readonly totalBytes: number,
  ) {}

  update(bytes: number, names: number, hits: number, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 250) return;
    this.last = now;
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const rate = Math.round(names / secs).toLocaleString('en-US');
    let bar = '';
    if (this.totalBytes > 0) {
      const frac = Math.min(1, bytes / this.totalBytes);
      const width = 24;
      const full = Math.round(frac * width);
      bar = `[${'#'.repeat(full)}${' '.repeat(width - full)}] ${(frac * 100).toFixed(0).padStart(3)}% `;
    }
    this.out.write(`\r${bar}${names.toLocaleString('en-US')} names, ${rate}/s, ${hits.toLocaleString('en-US')} hits\u001b[K`);
  }

  done(): void {
    if (this.enabled) this.out.write('\n');
  }
}
