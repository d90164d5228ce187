/**
 * The edit script between a name's label and a brand label (optimal string alignment: Damerau with
 * adjacent transpositions), for labels short enough to compare in full. Only candidates found by the
 * index come here, so clarity wins over speed.
 */
export type Edit =
  | { readonly kind: 'omission'; readonly at: number; readonly char: string }
  | { readonly kind: 'insertion'; readonly at: number; readonly char: string }
  | { readonly kind: 'replacement'; readonly at: number; readonly from: string; readonly to: string }
  | { readonly kind: 'transposition'; readonly at: number; readonly pair: string };

/** Bounded OSA distance; returns max + 1 as soon as it is sure the distance exceeds `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  let prev2 = new Int32Array(m + 1);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m] ?? max + 1;
}

/** The edits that turn `brand` into `name`, in order. */
export function editScript(brand: string, name: string): Edit[] {
  const n = brand.length;
  const m = name.length;
  const d: number[][] = [];
  for (let i = 0; i <= n; i++) {
    const row: number[] = [];
    for (let j = 0; j <= m; j++) row.push(i === 0 ? j : j === 0 ? i : 0);
    d.push(row);
  }
  const at = (i: number, j: number): number => d[i]?.[j] ?? Infinity;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = brand[i - 1] === name[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && brand[i - 1] === name[j - 2] && brand[i - 2] === name[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  const edits: Edit[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const v = at(i, j);
    if (i > 1 && j > 1 && brand[i - 1] === name[j - 2] && brand[i - 2] === name[j - 1] && brand[i - 1] !== brand[i - 2] && v === at(i - 2, j - 2) + 1) {
      edits.push({ kind: 'transposition', at: i - 2, pair: brand.slice(i - 2, i) });
      i -= 2;
      j -= 2;
    } else if (i > 0 && j > 0 && v === at(i - 1, j - 1) + (brand[i - 1] === name[j - 1] ? 0 : 1)) {
      if (brand[i - 1] !== name[j - 1]) edits.push({ kind: 'replacement', at: i - 1, from: brand[i - 1] ?? '', to: name[j - 1] ?? '' });
      i--;
      j--;
    } else if (i > 0 && v === at(i - 1, j) + 1) {
      edits.push({ kind: 'omission', at: i - 1, char: brand[i - 1] ?? '' });
      i--;
    } else {
      edits.push({ kind: 'insertion', at: i, char: name[j - 1] ?? '' });
      j--;
    }
  }
  return edits.reverse();
}
