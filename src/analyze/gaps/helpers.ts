/** Shared pieces of gap rules: building a Gap from a rule meta, and finding the main treating source. */
import type { Evidence, Gap } from '../../model/index.js';
import type { Visit } from '../context.js';
import { isAcceptableMedicalSource, isTreatingSpecialty } from '../providers.js';
import type { GapContext, GapRuleMeta } from './types.js';
import { pushTo } from '../../util/group.js';

export function makeGap(meta: GapRuleMeta, g: { why: string; to?: string; ask?: string; evidence: Evidence[] }): Gap {
  return {
    ruleId: meta.id, severity: meta.severity, title: meta.title, why: g.why, authority: meta.authority,
    request: { to: g.to ?? meta.request.to, ask: g.ask ?? meta.request.ask }, evidence: g.evidence,
  };
}

function isTreatingAms(v: Visit): boolean {
  return v.encounters.some((e) => isTreatingSpecialty(e.specialty) && isAcceptableMedicalSource(e) === true);
}

/** The treating acceptable medical source seen most often (optionally only up to a date); else whoever was seen most. */
export function mainTreatingVisits(ctx: GapContext, until?: string): Visit[] {
  const visits = ctx.visits.filter((v) => !until || v.date <= until);
  const pool = visits.filter(isTreatingAms).length ? visits.filter(isTreatingAms) : visits;
  const counts = new Map<string, Visit[]>();
  for (const v of pool) pushTo(counts, v.provider, v);
  return [...counts.values()].sort((a, b) => b.length - a.length || b[b.length - 1].date.localeCompare(a[a.length - 1].date))[0] ?? [];
}

export function mainTreatingSource(ctx: GapContext, fallback: string, until?: string): string {
  return mainTreatingVisits(ctx, until)[0]?.provider ?? fallback;
}

/** Evidence showing who the main treating source is: their latest visit. */
export function mainTreatingEvidence(ctx: GapContext, until?: string): Evidence[] {
  const visits = mainTreatingVisits(ctx, until);
  const last = visits[visits.length - 1];
  if (!last) return [];
  return last.facts[0]?.evidence ?? last.encounters[0].evidence.slice(0, 1);
}

export function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function humanModality(m: string): string {
  return m.replace(/_/g, ' ');
}
