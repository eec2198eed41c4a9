/**
 * Injections as a reviewer tabulates them: one row per procedure given, with its level, the relief reported
 * after it and how long the relief lasted. Built once from the analysis; Markdown and HTML render the same rows.
 */
import type { CaseAnalysis, Evidence, FactOf } from '../model/index.js';
import { daysBetween } from '../analyze/dates.js';
import { MODALITY_LABEL } from './labels.js';
import { modalitiesIn } from '../model/modalities.js';

const INJECTIONS = modalitiesIn('injection');
/** Relief reported within this many days after a procedure is read as that procedure's. */
const RELIEF_WINDOW_DAYS = 120;

export interface InjectionRow {
  date?: string;
  what: string;
  level?: string;
  relief?: string;
  evidence: Evidence[];
}

export function injectionRows(a: CaseAnalysis): InjectionRow[] {
  const facts = new Map(a.facts.map((f) => [f.id, f]));
  const kinds = new Map(a.documents.flatMap((d) => d.encounters.map((e) => [e.id, e.kind] as const)));
  // A procedure given: its own procedure note, a billed procedure, or a procedure dated in its own sentence.
  // A later note recalling "good response to the TFESI" is the response, not another procedure.
  const given = (f: FactOf<'treatment'>) => f.dateSource === 'sentence' || f.dateSource === 'structured'
    || ['procedure_note', 'operative_report', 'billing'].includes(kinds.get(f.encounterId) ?? '');
  const benefits = a.facts.filter((f): f is FactOf<'benefit'> => f.type === 'benefit' && !f.negated && f.temporality !== 'hypothetical');
  const rows: InjectionRow[] = [];
  const seen = new Set<string>();
  for (const t of a.timeline) {
    if (!INJECTIONS.has(t.modality)) continue;
    for (const e of t.events) {
      if (e.status !== 'performed' && e.status !== 'completed') continue;
      const f = facts.get(e.factId);
      if (!f || f.type !== 'treatment' || !e.date || !given(f)) continue;
      const key = `${t.modality}|${e.date}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const after = benefits.filter((b) => b.date && b.date >= e.date! && daysBetween(e.date!, b.date) <= RELIEF_WINDOW_DAYS
        && (!b.attributes.modality || b.attributes.modality === t.modality) && (b.attributes.percentRelief !== undefined || b.attributes.noRelief));
      const b = after[0];
      const relief = b ? (b.attributes.noRelief ? 'no relief' : `${b.attributes.percentRelief}%${b.attributes.durationDays ? ` for ${b.attributes.durationDays} days` : b.attributes.durationText ? ` for ${b.attributes.durationText}` : ''}`) : undefined;
      rows.push({
        date: e.date,
        what: `${MODALITY_LABEL[t.modality]}${f.attributes.subtype ? ` (${f.attributes.subtype})` : ''}`,
        level: [f.attributes.side, f.attributes.level].filter(Boolean).join(' ') || undefined,
        relief,
        evidence: [f.evidence[0], ...(b ? [b.evidence[0]] : [])],
      });
    }
  }
  // "The July injection" is the named procedure seen from later: a generic row beside a specific one is the same procedure.
  const generic = MODALITY_LABEL.other_injection;
  const kept = rows.filter((r) => !r.what.startsWith(generic) || !rows.some((o) => o !== r && !o.what.startsWith(generic) && o.date && r.date && Math.abs(daysBetween(o.date, r.date)) <= 45));
  return kept.sort((x, y) => (x.date ?? '').localeCompare(y.date ?? ''));
}
