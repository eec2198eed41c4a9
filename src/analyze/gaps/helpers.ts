/** Shared pieces of gap rules: building a Gap from a rule meta, finding the right addressee, and reading fact quotes. */
import type { Encounter, Evidence, Fact, Gap } from '../../model/index.js';
import type { Visit } from '../case-context.js';
import { isAcceptableMedicalSource, isTreatingSpecialty } from '../providers.js';
import type { GapContext, GapRuleMeta } from './types.js';
import { pushTo } from '../../util/group.js';

export function makeGap(meta: GapRuleMeta, g: { why: string; to?: string; ask?: string; evidence: Evidence[] }): Gap {
  return {
    ruleId: meta.id, severity: meta.severity, title: meta.title, why: g.why, authority: meta.authority,
    request: { to: g.to ?? meta.request.to, ask: g.ask ?? meta.request.ask }, evidence: dedupeEvidence(g.evidence),
  };
}

/**
 * People who cannot answer for function, MMI or response to treatment: a film reader, an emergency or
 * urgent-care physician seen once, an examiner hired by a party, an FCE evaluator. Requests for opinions never
 * go to them (and a records request names the facility's records office, not the reader).
 */
export const NOT_AN_OPINION_SOURCE = /\b(?:radiolog\w*|emergency|ER physician|urgent care|independent medical exam\w*|IME|examiner|functional capacity evaluation)\b/i;

function isTreatingAms(v: Visit): boolean {
  return v.encounters.some((e) => isTreatingSpecialty(e.specialty) && isAcceptableMedicalSource(e) === true && !isExaminingEncounter(e))
    && !NOT_AN_OPINION_SOURCE.test(v.provider);
}

function isNamed(v: Visit): boolean {
  return !/^the treating/.test(v.provider);
}

/** The treating acceptable medical source seen most often (optionally only up to a date); else whoever treating was seen most. */
export function mainTreatingVisits(ctx: GapContext, until?: string): Visit[] {
  const visits = ctx.visits.filter((v) => (!until || v.date <= until) && !NOT_AN_OPINION_SOURCE.test(v.provider)
    && !v.encounters.every(isExaminingEncounter));
  const ams = visits.filter(isTreatingAms);
  const pool = ams.length ? ams : visits;
  const counts = new Map<string, Visit[]>();
  for (const v of pool) pushTo(counts, v.provider, v);
  // Seen most often; on a tie, a named clinician before an unnamed one, then the most recent.
  return [...counts.values()].sort((a, b) => b.length - a.length || Number(isNamed(b[0])) - Number(isNamed(a[0]))
    || b[b.length - 1].date.localeCompare(a[a.length - 1].date))[0] ?? [];
}

export function mainTreatingSource(ctx: GapContext, fallback: string, until?: string): string {
  return mainTreatingVisits(ctx, until)[0]?.provider ?? fallback;
}

/** Evidence showing who the main treating source is: their latest visit. */
export function mainTreatingEvidence(ctx: GapContext, until?: string): Evidence[] {
  const visits = mainTreatingVisits(ctx, until);
  // With no treating source at all, the latest visit of any kind shows what the record holds.
  const last = visits[visits.length - 1] ?? ctx.visits.filter((v) => (!until || v.date <= until) && v.facts.length).at(-1);
  if (!last) return [];
  return last.facts[0]?.evidence.slice(0, 1) ?? last.encounters[0].evidence.slice(0, 1);
}

/** Whether a provider label names someone who can give a treating opinion (a physician, NP or PA who treats). */
export function canGiveTreatingOpinion(ctx: GapContext, label: string): boolean {
  if (NOT_AN_OPINION_SOURCE.test(label)) return false;
  const visits = ctx.visits.filter((v) => v.provider === label);
  return visits.some(isTreatingAms) && !visits.every((v) => v.encounters.every(isExaminingEncounter));
}

/** Who should answer a question on function, MMI or treatment: the preferred provider when they treat, else the main treating physician. */
export function opinionAddressee(ctx: GapContext, preferred?: string, fallback = 'the treating physician'): string {
  if (preferred && canGiveTreatingOpinion(ctx, preferred)) return preferred;
  return mainTreatingSource(ctx, fallback);
}

/** A records request goes to the facility's records office; a reading radiologist's name never stands as the addressee. */
export function recordsOffice(name: string | undefined, what = 'the facility'): string {
  if (!name || NOT_AN_OPINION_SOURCE.test(name) || /^the treating/.test(name)) return `the medical records office of ${what}`;
  return `the medical records office of ${name}`;
}

/** The organisation (else the person) behind an encounter, for records requests. */
export function facilityOf(ctx: GapContext, enc: Encounter | undefined): string | undefined {
  if (!enc) return undefined;
  return enc.provider.organization?.trim() || ctx.providerOf({ encounterId: enc.id } as Fact);
}

export function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The words a fact was read from. */
export function quoteOf(f: Fact): string {
  return f.evidence.map((e) => e.quote).join(' ').replace(/\s+/g, ' ').trim();
}

/** A short quotation for a sentence in a gap ("…"), cut at a word boundary. */
export function shortQuote(f: Fact, max = 110): string {
  const q = quoteOf(f);
  if (q.length <= max) return q;
  return `${q.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

export function dedupeEvidence(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.file}|${e.start}|${e.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Distinct ISO dates, sorted. */
export function datesOf(ctx: GapContext, facts: Fact[]): string[] {
  return [...new Set(facts.map((f) => ctx.dateOf(f)).filter((d): d is string => !!d))].sort();
}

/** Dated before the alleged onset (the claim's, or the one the record establishes): the baseline, not the claimed period. */
export function beforeOnset(ctx: GapContext, f: Fact): boolean {
  const onset = ctx.claim.onset ?? ctx.duration.onset;
  const d = ctx.dateOf(f);
  return !!onset && !!d && d < onset;
}

/** The last dated visit in the record (clinical contacts only). */
export function lastVisit(ctx: GapContext): Visit | undefined {
  return ctx.visits.filter((v) => v.facts.length)[ctx.visits.filter((v) => v.facts.length).length - 1];
}

/** Titles and file names of examinations for a party rather than treatment. */
const EXAMINATION_CODE = /(?<![A-Za-z])(?:IME|QME|AME|CE|DDE|DD|FCE)(?![A-Za-z])/;
const EXAMINATION_WORDS = /\b(?:consultative exam\w*|independent medical|designated doctor|peer review|records? review)\b/i;

/** Whether an encounter is an examination for a party (IME, QME, CE, designated doctor), not treatment. */
export function isExaminingEncounter(enc: Encounter | undefined): boolean {
  if (!enc) return false;
  return enc.documentRole === 'examining' || enc.kind === 'ime' || enc.kind === 'fce' && enc.specialty === 'fce' || enc.specialty === 'ime'
    || [enc.title ?? '', enc.file.split(/[\\/]/).pop() ?? ''].some((t) => EXAMINATION_CODE.test(t) || EXAMINATION_WORDS.test(t));
}

/** Whether the file holds a paper of this kind, by its file name or its title ("Police_Crash_Report.txt", "LIFE CARE PLAN"). */
export function hasPaperNamed(ctx: GapContext, name: RegExp): boolean {
  return ctx.documents.some((d) => !d.misfiled && (name.test(d.file.replace(/[_.]+/g, ' ')) || name.test(d.role?.evidence?.[0]?.quote ?? '')));
}
