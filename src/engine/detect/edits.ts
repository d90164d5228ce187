/**
 * The edit script between a name's label and a brand label (optimal string alignment: Damerau with
 * adjacent transpositions), for labels short enough to compare in full. Only candidates found by the
 * index come here, but a quarter of top-list names bring some: the tables are reused, never allocated.
 */
export type Edit =
  | { readonly kind: 'omission'; readonly at: number; readonly char: string }
  | { readonly kind: 'insertion'; readonly at: number; readonly char: string }
  | { readonly kind: 'replacement'; readonly at: number; readonly from: string; readonly to: string }
  | { readonly kind: 'transposition'; readonly at: number; readonly pair: string };

// Labels come in every string shape: called this way, charCodeAt inlines (see names/skeleton.ts).
const charCodeAt = String.prototype.charCodeAt;

/** Three rows of the distance table, side by side; grown when a longer label comes. */
let rows = new Int32Array(3 * 64);

/** Stands for every cell off the band: more than any distance asked for. */
const FAR = 1 << 20;

/**
 * Bounded OSA distance: exact when at most `max`, and more than `max` otherwise (max + 1 as soon as it is sure).
 * Only the band |i - j| <= max of the table is worked out: a path of cost <= max never leaves it, so the cells
 * off it are FAR (a 12-letter label at max 1 fills 36 cells instead of 144).
 */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  const w = m + 2;
  if (rows.length < 3 * w) rows = new Int32Array(6 * w);
  const r = rows;
  // Row offsets: two rows up (for transpositions), the row above, the current row; rotated after each row.
  let up2 = 0;
  let up = w;
  let cur = 2 * w;
  for (let j = 0; j <= m; j++) r[up + j] = j <= max ? j : FAR;
  r[up + m + 1] = FAR;
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    const lo = i - max > 1 ? i - max : 1;
    const hi = i + max < m ? i + max : m;
    r[cur + lo - 1] = lo === 1 ? i : FAR;
    r[cur + hi + 1] = FAR;
    let rowMin = lo === 1 ? i : FAR;
    let bPrev = lo > 1 ? b.charCodeAt(lo - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      const diag = (r[up + j - 1] ?? 0) + (ai === bj ? 0 : 1);
      const vertical = (r[up + j] ?? 0) + 1;
      const horizontal = (r[cur + j - 1] ?? 0) + 1;
      let v = diag < vertical ? diag : vertical;
      if (horizontal < v) v = horizontal;
      if (ai === bPrev && aPrev === bj) {
        const swap = (r[up2 + j - 2] ?? 0) + 1;
        if (swap < v) v = swap;
      }
      r[cur + j] = v;
      if (v < rowMin) rowMin = v;
      bPrev = bj;
    }
    if (rowMin > max) return max + 1;
    const t = up2;
    up2 = up;
    up = cur;
    cur = t;
  }
  const d = r[up + m] ?? FAR;
  return d > max ? max + 1 : d;
}

/**
 * One reusable OSA table: fill it for a pair within a bound, then, when the pair is close enough, walk the edits
 * back from the same table (a typo's verification and its description share one pass over the letters).
 * Only the band |i - j| <= max is filled: a path of cost <= max never leaves it, and the cells the walk compares
 * with just off the band are FAR, as their true values (> max) would fail the same comparisons.
 */
export class EditTable {
  private d = new Int32Array(32 * 32);
  private brand = '';
  private name = '';
  /** The name's codes, read once: its charCodeAt in the inner loop went megamorphic (names come in every string shape). */
  private codes = new Uint16Array(64);

  /** Fills the table for brand → name; the distance, or max + 1 as soon as it is sure the distance exceeds max. */
  fill(brand: string, name: string, max: number): number {
    const n = brand.length;
    const m = name.length;
    this.brand = brand;
    this.name = name;
    if (Math.abs(n - m) > max) return max + 1;
    const w = m + 1;
    if (this.d.length < (n + 1) * w) this.d = new Int32Array(2 * (n + 1) * w);
    if (this.codes.length < m) this.codes = new Uint16Array(2 * m);
    const codes = this.codes;
    for (let j = 0; j < m; j++) codes[j] = charCodeAt.call(name, j);
    const d = this.d;
    for (let j = 0; j <= m; j++) d[j] = j <= max ? j : FAR;
    for (let i = 1; i <= n; i++) {
      const lo = i - max > 1 ? i - max : 1;
      const hi = i + max < m ? i + max : m;
      const row = i * w;
      d[row + lo - 1] = lo === 1 ? i : FAR;
      if (hi < m) d[row + hi + 1] = FAR;
      const bi = charCodeAt.call(brand, i - 1);
      const bPrev = i > 1 ? charCodeAt.call(brand, i - 2) : -1;
      let rowMin = lo === 1 ? i : FAR;
      for (let j = lo; j <= hi; j++) {
        const nj = codes[j - 1] ?? 0;
        let v = (d[row - w + j - 1] ?? 0) + (bi === nj ? 0 : 1);
        const up = (d[row - w + j] ?? 0) + 1;
        const left = (d[row + j - 1] ?? 0) + 1;
        if (up < v) v = up;
        if (left < v) v = left;
        if (j > 1 && bi === codes[j - 2] && bPrev === nj) {
          const swap = (d[row - 2 * w + j - 2] ?? 0) + 1;
          if (swap < v) v = swap;
        }
        d[row + j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return max + 1;
    }
    const distance = d[n * w + m] ?? FAR;
    return distance > max ? max + 1 : distance;
  }

  /** The edits that turn the brand last filled into the name, in order; only after a fill that returned <= its max. */
  script(): Edit[] {
    const brand = this.brand;
    const name = this.name;
    const d = this.d;
    const w = name.length + 1;
    const edits: Edit[] = [];
    let i = brand.length;
    let j = name.length;
    const codes = this.codes;
    while (i > 0 || j > 0) {
      const v = d[i * w + j] ?? 0;
      const bi = i > 0 ? charCodeAt.call(brand, i - 1) : -1;
      const nj = j > 0 ? (codes[j - 1] ?? 0) : -2;
      if (i > 1 && j > 1 && bi === codes[j - 2] && charCodeAt.call(brand, i - 2) === nj && bi !== nj && v === (d[(i - 2) * w + j - 2] ?? 0) + 1) {
        edits.push({ kind: 'transposition', at: i - 2, pair: brand.slice(i - 2, i) });
        i -= 2;
        j -= 2;
      } else if (i > 0 && j > 0 && v === (d[(i - 1) * w + j - 1] ?? 0) + (bi === nj ? 0 : 1)) {
        if (bi !== nj) edits.push({ kind: 'replacement', at: i - 1, from: brand[i - 1] ?? '', to: name[j - 1] ?? '' });
        i--;
        j--;
      } else if (i > 0 && v === (d[(i - 1) * w + j] ?? 0) + 1) {
        edits.push({ kind: 'omission', at: i - 1, char: brand[i - 1] ?? '' });
        i--;
      } else {
        edits.push({ kind: 'insertion', at: i, char: name[j - 1] ?? '' });
        j--;
      }
    }
    return edits.reverse();
  }
}

const scratch = new EditTable();

/** The edits that turn `brand` into `name`, in order. */
export function editScript(brand: string, name: string): Edit[] {
  scratch.fill(brand, name, Math.max(brand.length, name.length));
  return scratch.script();
}

/**
 * The one edit that turns `brand` into `name` when they are exactly one OSA edit apart, else null (equal, or further):
 * what fill + script give at max 1 (most typo targets: labels of four to eight letters), read from the common prefix
 * and suffix instead of a table (~120 -> ~30 ns a pair on top-list candidates). An insertion or omission inside a run of
 * one letter sits at its leftmost place, where the table walk, which prefers matches from the right, puts it.
 */
export function oneEdit(brand: string, name: string): Edit | null {
  const n = brand.length;
  const m = name.length;
  if (n === m) {
    let p = 0;
    while (p < n && charCodeAt.call(brand, p) === charCodeAt.call(name, p)) p++;
    if (p === n) return null;
    if (sameFrom(brand, name, p + 1)) return { kind: 'replacement', at: p, from: brand[p] ?? '', to: name[p] ?? '' };
    if (p + 1 < n && charCodeAt.call(brand, p) === charCodeAt.call(name, p + 1) && charCodeAt.call(brand, p + 1) === charCodeAt.call(name, p) && sameFrom(brand, name, p + 2)) {
      return { kind: 'transposition', at: p, pair: brand.slice(p, p + 2) };
    }
    return null;
  }
  if (m === n + 1) {
    const k = n - commonSuffix(brand, name, n);
    return samePrefix(brand, name, k) ? { kind: 'insertion', at: k, char: name[k] ?? '' } : null;
  }
  if (n === m + 1) {
    const k = m - commonSuffix(brand, name, m);
    return samePrefix(brand, name, k) ? { kind: 'omission', at: k, char: brand[k] ?? '' } : null;
  }
  return null;
}

/** Whether a and b, of one length, agree from `from` to their end. */
function sameFrom(a: string, b: string, from: number): boolean {
  for (let i = from; i < a.length; i++) if (charCodeAt.call(a, i) !== charCodeAt.call(b, i)) return false;
  return true;
}

/** How many units a and b share at their ends, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  let s = 0;
  while (s < limit && charCodeAt.call(a, a.length - 1 - s) === charCodeAt.call(b, b.length - 1 - s)) s++;
  return s;
}

function samePrefix(a: string, b: string, k: number): boolean {
  for (let i = 0; i < k; i++) if (charCodeAt.call(a, i) !== charCodeAt.call(b, i)) return false;
  return true;
}
