/**
 * Published indicator lists that name their actor only in their title, not in the file. When a file's
 * name carries one of these report ids, its rows are attributed to the actor the report names. The
 * actor label is the publisher's; it may stand for several actors (GRIZZLY STEPPE covers APT28 and
 * APT29), which the alias resolver keeps ambiguous rather than merging them.
 */
export interface KnownReport {
  readonly id: string;
  readonly title: string;
  readonly actor: string;
}

export const KNOWN_REPORTS: readonly KnownReport[] = [
  {
    id: 'JAR-16-20296A',
    title: 'JAR-16-20296A GRIZZLY STEPPE – Russian Malicious Cyber Activity (DHS/FBI, 2016-12-29)',
    actor: 'Grizzly Steppe',
  },
];

export function knownReport(source: string): KnownReport | undefined {
  const upper = source.toUpperCase();
  return KNOWN_REPORTS.find((r) => upper.includes(r.id));
}
