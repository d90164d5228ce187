/** What every benchmark shares: where the shared data is, a timer with peak memory, and a table printer. */
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../shared/data/', import.meta.url));

export interface Measurement {
  /** Wall-clock seconds. */
  readonly seconds: number;
  readonly perSecond: number;
  /** CPU seconds (user + system) of this process: what to compare on a shared, loaded machine. */
  readonly cpuSeconds: number;
  readonly perCpuSecond: number;
  readonly peakRss: number;
}

/** Runs `fn` once, sampling RSS while it runs is not possible in one thread, so RSS is read after, and the max kept. */
export function measure(fn: () => unknown, items: number): Measurement {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  fn();
  const cpu = process.cpuUsage(c0);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakRss = Math.max(process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  return { seconds, perSecond: items / seconds, cpuSeconds, perCpuSecond: items / cpuSeconds, peakRss };
}

export function printTable(title: string, header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  const cells = [header, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)));
  const line = (r: readonly string[]): string => `| ${r.map((c, i) => c.padStart(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(cells[0] ?? []));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of cells.slice(1)) console.log(line(r));
}
