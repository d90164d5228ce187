import type { Fact } from './types.js';

/** One reason the risk of a finding moves, in words a person can read. */
export interface RiskAdjustment {
  readonly delta: number;
  readonly reason: string;
}

export interface RiskAssessment {
  /** Sum of the adjustments, clamped to [-1, 1]; callers add it to the detection score and clamp. */
  readonly delta: number;
  readonly adjustments: readonly RiskAdjustment[];
}

/** Issuers of free, automated, domain-validated certificates. */
const FREE_DV = /let's encrypt|zerossl|google trust services|buypass|ssl\.com free|cpanel|sectigo.*dv/i;
const DAY = 86_400_000;

const values = (facts: readonly Fact[], fact: string): string[] => facts.filter((f) => f.fact === fact).map((f) => f.value);

/**
 * Turns enrichment facts into risk adjustments. The weights are a first judgement, to be fitted on
 * labelled findings: a live login form or the brand's own favicon weigh most, then page
 * similarity, a fresh registration, a free certificate taken hours after registering, mail.
 */
export function assessRisk(facts: readonly Fact[], now: Date): RiskAssessment {
  const out: RiskAdjustment[] = [];
  const mx = values(facts, 'mx');
  if (mx.length > 0) out.push({ delta: 0.1, reason: `receives mail (MX ${mx.slice(0, 2).join(', ')})` });

  const created = Date.parse(values(facts, 'created')[0] ?? '');
  if (!Number.isNaN(created)) {
    const age = (now.getTime() - created) / DAY;
    if (age >= 0 && age <= 7) out.push({ delta: 0.25, reason: `registered ${Math.floor(age)} day(s) ago` });
    else if (age >= 0 && age <= 30) out.push({ delta: 0.15, reason: `registered ${Math.floor(age)} days ago` });
  }

  const issuer = values(facts, 'tls_issuer')[0];
  const notBefore = Date.parse(values(facts, 'tls_not_before')[0] ?? '');
  if (issuer !== undefined && FREE_DV.test(issuer) && !Number.isNaN(created) && !Number.isNaN(notBefore)) {
    const hours = (notBefore - created) / 3_600_000;
    if (hours >= -24 && hours <= 72) out.push({ delta: 0.1, reason: `free DV certificate (${issuer}) issued ${Math.max(0, Math.round(hours))} h after registration` });
  }

  if (values(facts, 'password_form').includes('true')) out.push({ delta: 0.25, reason: 'the page asks for a password' });
  const finals = values(facts, 'final_url');
  const finalHost = finals[0] === undefined ? undefined : safeHost(finals[0]);
  const elsewhere = values(facts, 'form_action').filter((a) => safeHost(a) !== finalHost);
  if (elsewhere.length > 0) out.push({ delta: 0.1, reason: `a form sends its data to another site (${elsewhere[0] ?? ''})` });
  for (const brand of values(facts, 'brand_favicon')) out.push({ delta: 0.3, reason: `shows the favicon of ${brand}` });
  for (const s of values(facts, 'brand_similarity')) {
    const eq = s.lastIndexOf('=');
    const score = Number(s.slice(eq + 1));
    if (score >= 0.3) out.push({ delta: Math.round(score * 0.4 * 1000) / 1000, reason: `page ${Math.round(score * 100)}% similar to ${s.slice(0, eq)}'s` });
  }
  const total = out.reduce((sum, a) => sum + a.delta, 0);
  return { delta: Math.max(-1, Math.min(1, Math.round(total * 1000) / 1000)), adjustments: out };
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
