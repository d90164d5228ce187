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

/** The full distance table of editScript, (n + 1) x (m + 1), row by row; grown when needed. */
let table = new Int32Array(32 * 32);

/**
 * The edits that turn `brand` into `name`, in order. With `max` (the distance is known to be at most that), only
 * the band |i - j| <= max of the table is filled: the path walked back never leaves it, and the cells it compares
 * with just off the band are FAR, as their true values (> max) would fail the same comparisons.
 */
export function editScript(brand: string, name: string, max = Math.max(brand.length, name.length)): Edit[] {
  const n = brand.length;
  const m = name.length;
  const w = m + 1;
  if (table.length < (n + 1) * w) table = new Int32Array(2 * (n + 1) * w);
  const d = table;
  for (let j = 0; j <= m; j++) d[j] = j <= max ? j : FAR;
  for (let i = 1; i <= n; i++) {
    const lo = i - max > 1 ? i - max : 1;
    const hi = i + max < m ? i + max : m;
    d[i * w + lo - 1] = lo === 1 ? i : FAR;
    if (hi < m) d[i * w + hi + 1] = FAR;
    for (let j = lo; j <= hi; j++) {
      const cost = brand.charCodeAt(i - 1) === name.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((d[(i - 1) * w + j] ?? 0) + 1, (d[i * w + j - 1] ?? 0) + 1, (d[(i - 1) * w + j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && brand.charCodeAt(i - 1) === name.charCodeAt(j - 2) && brand.charCodeAt(i - 2) === name.charCodeAt(j - 1)) v = Math.min(v, (d[(i - 2) * w + j - 2] ?? 0) + 1);
      d[i * w + j] = v;
    }
  }
  const edits: Edit[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const v = d[i * w + j] ?? 0;
    if (i > 1 && j > 1 && brand[i - 1] === name[j - 2] && brand[i - 2] === name[j - 1] && brand[i - 1] !== brand[i - 2] && v === (d[(i - 2) * w + j - 2] ?? 0) + 1) {
      edits.push({ kind: 'transposition', at: i - 2, pair: brand.slice(i - 2, i) });
      i -= 2;
      j -= 2;
    } else if (i > 0 && j > 0 && v === (d[(i - 1) * w + j - 1] ?? 0) + (brand[i - 1] === name[j - 1] ? 0 : 1)) {
      if (brand[i - 1] !== name[j - 1]) edits.push({ kind: 'replacement', at: i - 1, from: brand[i - 1] ?? '', to: name[j - 1] ?? '' });
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
