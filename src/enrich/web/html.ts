/**
 * What enrichment reads from a page, by tolerant pattern matching over the markup: no DOM, no
 * scripts, nothing fetched or run. Attackers write this HTML: every value is kept as data, and
 * lengths are capped so one page cannot flood the store.
 */
export interface PageSummary {
  readonly title?: string;
  /** A form with an `<input type=password>`. */
  readonly passwordForm: boolean;
  /** Each form's action, resolved against the page URL ('' when the form posts to itself). */
  readonly formActions: readonly string[];
  /** The declared icon, resolved, else /favicon.ico. */
  readonly faviconUrl: string;
  /** Visible text, tags and scripts removed, whitespace collapsed. */
  readonly text: string;
  /** Tag names in order (for markup similarity). */
  readonly tags: readonly string[];
}

const MAX_FIELD = 500;
const MAX_FORMS = 20;

/** The named entities titles commonly use; others stay as written. */
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', copy: '©', reg: '®',
  trade: '™', euro: '€', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', eacute: 'é', egrave: 'è',
  ecirc: 'ê', agrave: 'à', acirc: 'â', ccedil: 'ç', ocirc: 'ô', ucirc: 'û', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const clean = (s: string): string => decodeEntities(s).replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD);

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m === null ? undefined : decodeEntities(m[1] ?? m[2] ?? m[3] ?? '');
}

function resolveUrl(href: string, base: string): string {
  try {
    return new URL(href.trim(), base).href.slice(0, MAX_FIELD);
  } catch {
    return href.slice(0, MAX_FIELD);
  }
}

export function summarisePage(html: string, pageUrl: string): PageSummary {
  const noScript = html.replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<!--[\s\S]*?-->/g, ' ');
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(noScript);
  const forms: string[] = [];
  let passwordForm = false;
  for (const m of noScript.matchAll(/<form\b([^>]*)>([\s\S]*?)(?:<\/form\s*>|$)/gi)) {
    if (forms.length >= MAX_FORMS) break;
    const action = attr(m[1] ?? '', 'action');
    forms.push(action === undefined || action.trim() === '' ? '' : resolveUrl(action, pageUrl));
    if (/<input\b[^>]*\stype\s*=\s*["']?password\b/i.test(m[2] ?? '')) passwordForm = true;
  }
  // a password field outside any form still asks for a password
  if (!passwordForm && /<input\b[^>]*\stype\s*=\s*["']?password\b/i.test(noScript)) passwordForm = true;
  let favicon: string | undefined;
  for (const m of noScript.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(m[0], 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attr(m[0], 'href');
    if (href !== undefined && rel.includes('icon')) {
      favicon = href;
      break;
    }
  }
  const tags = [...noScript.matchAll(/<([a-zA-Z][a-zA-Z0-9-]{0,20})\b/g)].map((m) => (m[1] ?? '').toLowerCase()).slice(0, 5000);
  const text = decodeEntities(noScript.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim().slice(0, 100_000);
  return {
    title: titleMatch?.[1] === undefined ? undefined : clean(titleMatch[1]),
    passwordForm,
    formActions: forms,
    faviconUrl: resolveUrl(favicon ?? '/favicon.ico', pageUrl),
    text,
    tags,
  };
}
