/** A procedure log's heading, dated by the rows under it. */
import type { Encounter, Fact } from '../model/index.js';

/**
 * "GREATER OCCIPITAL NERVE BLOCK, BILATERAL (CPT 64405 x 2)" over " 06/14/2022  bupivacaine …" and " 09/06/2022  …": a
 * procedure log's heading names the procedure its dated rows record; it was given on those days, not on the day the
 * records were printed. The heading's fact takes the last row's date.
 */
export function dateTableHeadings(facts: Fact[], from: number, text: string, enc: Encounter): void {
  if (!enc.visitRows?.length) return;
  for (let i = from; i < facts.length; i++) {
    const f = facts[i];
    const ev = f.evidence[0];
    const line = ev?.quote.split('\n')[0] ?? '';
    if (f.type !== 'treatment' || !ev || f.dateSource === 'sentence' || !isTableHeading(line)) continue;
    // The rows right under it, up to the next heading.
    const lineEnd = ev.start + line.length;
    const rows = enc.visitRows.filter((r) => r.evidence.start > lineEnd && r.evidence.start - lineEnd < HEADING_REACH
      && !NEXT_HEADING.test(text.slice(lineEnd, r.evidence.start)));
    const last = rows.map((r) => r.date).sort().at(-1);
    if (last) facts[i] = { ...f, date: last, dateSource: 'sentence' };
  }
}
/** An upper-case heading line with no date of its own ("… BILATERAL (CPT 64405 x 2)"). */
function isTableHeading(line: string): boolean {
  return /[A-Z]{4,}/.test(line) && !/[a-z]{3,}/.test(line) && !/\d{1,2}\/\d{1,2}\/\d{2,4}/.test(line);
}
/** Another upper-case heading between it and a row. */
const NEXT_HEADING = /\n[ \t]*[A-Z][A-Z ,/&()-]{7,}[ \t]*\n/;
/** How far below its heading a log's rows begin. */
const HEADING_REACH = 800;
