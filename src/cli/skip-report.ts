import { printable } from '../act/index.js';

/** Counts skipped input by reason and prints the first few of each with where they were; a summary at the end. */
export class SkipReport {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly source: string,
    private readonly perReason = 20,
  ) {}

  skip(line: number, reason: string, text: string): void {
    const n = (this.counts.get(reason) ?? 0) + 1;
    this.counts.set(reason, n);
    if (n <= this.perReason) {
      const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
      this.out.write(`${this.source}:${line}: skipped: ${reason}${shown === '' ? '' : `: ${printable(JSON.stringify(shown))}`}\n`);
    } else if (n === this.perReason + 1) {
      this.out.write(`${this.source}: more lines skipped for '${reason}'; counted in the summary\n`);
    }
  }

  get total(): number {
    let t = 0;
    for (const n of this.counts.values()) t += n;
    return t;
  }

  summary(): string {
    if (this.counts.size === 0) return 'nothing skipped';
    return `skipped ${this.total}: ${[...this.counts].map(([r, n]) => `${n} ${r}`).join(', ')}`;
  }
}
