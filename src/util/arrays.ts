/**
 * Array helpers that hold for any length: `push(...xs)` and `Math.min(...xs)` pass every element as an argument
 * and overflow the stack past roughly 125,000 of them (one large document's facts, a long ledger's dates).
 */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (const x of items) target.push(x);
  return target;
}

export function minOf(xs: readonly number[]): number {
  let m = Infinity;
  for (const x of xs) if (x < m) m = x;
  return m;
}

export function maxOf(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  return m;
}

/** Order strings by code point: the same on every machine, whatever its locale (document order, file lists). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
