import type { TestZone } from '../../support/dns-server.js';

/** A zone with every record type, a CNAME chain, a wildcard, a big answer, a dead and a failing name. */
export const ZONE: TestZone = {
  records: [
    { name: 'example.test', type: 'SOA', data: { mname: 'ns1.example.test', rname: 'john\\.doe.example.test', serial: 2017042601 } },
    { name: 'example.test', type: 'NS', data: 'ns1.example.test' },
    { name: 'example.test', type: 'NS', data: 'ns2.example.test' },
    { name: 'example.test', type: 'A', data: '192.0.2.10' },
    { name: 'example.test', type: 'AAAA', data: '2001:db8::10' },
    { name: 'example.test', type: 'MX', data: { preference: 10, exchange: 'mail.example.test' } },
    { name: 'example.test', type: 'TXT', data: 'v=spf1 ip4:192.0.2.0/24 -all' },
    { name: '_dmarc.example.test', type: 'TXT', data: ['v=DMARC1; p=reject; ', 'rua=mailto:d@example.test'] },
    { name: 'www.example.test', type: 'CNAME', data: 'edge.example.test' },
    { name: 'edge.example.test', type: 'CNAME', data: 'origin.example.test' },
    { name: 'origin.example.test', type: 'A', data: '192.0.2.20' },
    { name: 'loop1.example.test', type: 'CNAME', data: 'loop2.example.test' },
    { name: 'loop2.example.test', type: 'CNAME', data: 'loop1.example.test' },
    { name: '*.wild.test', type: 'A', data: '198.51.100.7' },
    { name: 'wild.test', type: 'A', data: '198.51.100.1' },
    { name: 'plain.test', type: 'A', data: '198.51.100.2' },
    ...Array.from({ length: 100 }, (_, i) => ({ name: 'many.example.test', type: 'A' as const, data: `203.0.113.${i + 1}` })),
  ],
  timeout: ['dead.example.test'],
  servfail: ['broken.example.test'],
};
