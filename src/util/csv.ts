/** A CSV cell, quoted, that a spreadsheet never reads as a formula ("=HYPERLINK(…)" in a record stays text). */
export function csvCell(v: string | number | null | undefined): string {
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}
