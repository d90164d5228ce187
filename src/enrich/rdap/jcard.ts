/**
 * jCard (RFC 7095), the vCard-in-JSON that RDAP uses for contacts:
 * `["vcard", [[name, params, type, value...], ...]]`. Only what enrichment uses is read.
 */
export interface Contact {
  readonly name?: string;
  readonly org?: string;
  readonly email?: string;
  readonly phone?: string;
  /** Street, locality, region, postcode and country joined with ", " (empty parts dropped). */
  readonly address?: string;
  readonly country?: string;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (Array.isArray(v)) {
    const parts = v.flat().filter((p): p is string => typeof p === 'string' && p.trim() !== '');
    return parts.length > 0 ? parts.map((p) => p.trim()).join(', ') : undefined;
  }
  return undefined;
}

/** Reads a jCard; anything malformed is ignored, so a bad card yields an empty contact. */
export function parseJCard(card: unknown): Contact {
  if (!Array.isArray(card) || card[0] !== 'vcard' || !Array.isArray(card[1])) return {};
  const out: { -readonly [K in keyof Contact]: Contact[K] } = {};
  for (const prop of card[1] as unknown[]) {
    if (!Array.isArray(prop) || typeof prop[0] !== 'string') continue;
    const name = prop[0].toLowerCase();
    const params = (typeof prop[1] === 'object' && prop[1] !== null ? prop[1] : {}) as { label?: unknown; cc?: unknown };
    const value = prop.length > 4 ? prop.slice(3) : prop[3];
    if (name === 'fn') out.name ??= text(value);
    else if (name === 'org') out.org ??= text(value);
    else if (name === 'email') out.email ??= text(value);
    else if (name === 'tel') out.phone ??= text(value)?.replace(/^tel:/, '') || undefined;
    else if (name === 'adr') {
      // [pobox, ext, street, locality, region, code, country]; some servers put the whole address in a label
      const parts = Array.isArray(value) ? value : [];
      const country = text(parts[6]);
      out.address ??= text(parts.slice(2)) ?? text(params.label);
      out.country ??= typeof params.cc === 'string' ? params.cc : country;
    }
  }
  // keep only what was found, so contacts compare and print cleanly
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as Contact;
}
