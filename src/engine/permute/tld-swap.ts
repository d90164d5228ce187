import type { Family, PermuteOptions, Sink, PermuteTarget } from './types.js';

function cleanTlds(tlds: PermuteOptions['tlds']): string[] {
  const out: string[] = [];
  for (const t of tlds ?? []) {
    const tld = t.trim().toLowerCase().replace(/^\.+/, '');
    if (tld !== '') out.push(tld);
  }
  return out;
}

/**
 * The same label under another suffix (`en-marche.co`), and a multi-label suffix with one of its
 * inner labels dropped (`brand.gov.uk` → `brand.uk`), which is registrable where the original is not.
 */
export const tldSwaps: Family = {
  fuzzers: ['tld-swap', 'sld-drop'],
  run(target: PermuteTarget, options: PermuteOptions, sink: Sink): void {
    const head = target.prefix + target.label;
    for (const tld of cleanTlds(options.tlds)) {
      if (tld !== target.suffix) sink.domain(`${head}.${tld}`, 'tld-swap');
    }
    const parts = target.suffix.split('.');
    for (let i = 0; i + 1 < parts.length; i++) {
      sink.domain(`${head}.${[...parts.slice(0, i), ...parts.slice(i + 1)].join('.')}`, 'sld-drop');
    }
  },
};

/**
 * The whole name made into one registrable label, with hyphens or nothing for its dots, under each
 * TLD (`brand.gov.xx` → `brand-gov-xx.com`, `circl.lu` → `circllu.com`); its dots but the last
 * flattened (`brand-gov.xx`); the whole name under another TLD (`circl.lu.com`); and the dot after
 * `www` forgotten (`wwwcircl.lu`).
 */
export const levelsquats: Family = {
  fuzzers: ['flatten', 'add-tld', 'missing-dot'],
  run(target: PermuteTarget, options: PermuteOptions, sink: Sink): void {
    const labels = `${target.prefix}${target.label}.${target.suffix}`.split('.');
    const tlds = cleanTlds(options.tlds);
    for (const joiner of ['-', '']) {
      const flat = labels.join(joiner);
      for (const tld of tlds) sink.domain(`${flat}.${tld}`, 'flatten');
      const last = labels.length - 1;
      for (let from = 0; from < last - 1; from++) {
        sink.domain(`${labels.slice(0, from).map((l) => `${l}.`).join('')}${labels.slice(from, last).join(joiner)}.${labels[last] ?? ''}`, 'flatten');
      }
    }
    const whole = labels.join('.');
    for (const tld of tlds) sink.domain(`${whole}.${tld}`, 'add-tld');
    sink.label(`www${target.label}`, 'missing-dot');
    sink.domain(`www${labels.join('')}.com`, 'missing-dot');
  },
};
