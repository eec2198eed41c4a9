import type { ClaimType, Evidence, Fact, MmiStatus } from './types';
import { ACTIVITY_LABEL, MODALITY_LABEL } from '../../src/model/labels.js';

export const CLAIM_TYPES: { value: ClaimType; label: string; short: string }[] = [
  { value: 'ssdi', label: 'SSDI — Social Security Disability', short: 'SSDI' },
  { value: 'ssi', label: 'SSI — Supplemental Security Income', short: 'SSI' },
  { value: 'workers_comp', label: "Workers' compensation", short: "Workers' comp" },
  { value: 'personal_injury', label: 'Personal injury', short: 'Personal injury' },
  { value: 'general', label: 'General review', short: 'General' },
];

export function claimTypeLabel(t: string | undefined | null, short = true): string {
  const c = CLAIM_TYPES.find((x) => x.value === t);
  return c ? (short ? c.short : c.label) : t ?? '—';
}

/** What the onset field means for this claim type. */
export function onsetLabel(t: string | undefined | null): string {
  if (t === 'workers_comp' || t === 'personal_injury') return 'Date of injury';
  if (t === 'ssdi' || t === 'ssi') return 'Alleged onset date';
  return 'Onset date';
}

export const MMI_STATUSES: { value: MmiStatus; label: string; words: string }[] = [
  { value: 'explicit', label: 'Explicit — stated by a provider', words: 'MMI reached — stated in the record' },
  { value: 'implied', label: 'Implied — inferred from the pattern of care', words: 'MMI implied by the record' },
  { value: 'not_reached', label: 'Not reached', words: 'MMI not reached' },
  { value: 'insufficient_evidence', label: 'Insufficient evidence', words: 'Not enough evidence to judge MMI' },
];

export function mmiWords(s: string | undefined | null): string {
  return MMI_STATUSES.find((m) => m.value === s)?.words ?? '—';
}

export function mmiShort(s: string | undefined | null): string {
  switch (s) {
    case 'explicit': return 'Explicit';
    case 'implied': return 'Implied';
    case 'not_reached': return 'Not reached';
    case 'insufficient_evidence': return 'Insufficient';
    default: return '—';
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-01-08" → "Jan 8, 2024"; partial dates ("2024-01", "2024") are kept readable; anything else is shown as is. */
export function fmtDate(d: string | undefined | null): string {
  if (!d) return '—';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d);
  if (!m) return d;
  const [, y, mo, da] = m;
  if (!mo) return y;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  if (!da) return `${month} ${y}`;
  return `${month} ${Number(da)}, ${y}`;
}

export function fmtDateTime(d: string | undefined | null): string {
  if (!d) return '—';
  const t = new Date(d);
  if (Number.isNaN(t.getTime())) return d;
  return `${fmtDate(d.slice(0, 10))}, ${t.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

export function fmtSize(n: number | undefined | null): string {
  if (n == null) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function humanize(s: string | undefined | null): string {
  if (!s) return '';
  const t = s.replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** The reports' own wording (src/model/labels.ts), so a treatment or activity reads the same in the UI and in every export. */
export const modalityLabel = (m: string) => (MODALITY_LABEL as Record<string, string>)[m] ?? humanize(m);
export const activityLabel = (a: string) => (ACTIVITY_LABEL as Record<string, string>)[a] ?? humanize(a);

export const FACT_TYPES: { value: Fact['type']; label: string }[] = [
  { value: 'treatment', label: 'Treatment' },
  { value: 'outcome_measure', label: 'Outcome measure' },
  { value: 'benefit', label: 'Benefit / relief' },
  { value: 'objective_finding', label: 'Objective finding' },
  { value: 'limitation', label: 'Limitation' },
  { value: 'work_status', label: 'Work status' },
  { value: 'prognosis', label: 'Prognosis' },
  { value: 'plan_signal', label: 'Plan' },
  { value: 'mmi_statement', label: 'MMI statement' },
  { value: 'impairment_rating', label: 'Impairment rating' },
  { value: 'diagnosis', label: 'Diagnosis' },
];
export const factTypeLabel = (t: string) => FACT_TYPES.find((f) => f.value === t)?.label ?? humanize(t);

/** Fact types a reviewer can add from selected text (the API's list). */
export const ADDABLE_TYPES = ['treatment', 'limitation', 'objective_finding', 'mmi_statement', 'outcome_measure', 'plan_signal'] as const;

/** Known values of enumerated attributes, by "type.key" then by "key". */
export const ATTRIBUTE_OPTIONS: Record<string, readonly string[]> = {
  'treatment.modality': Object.keys(MODALITY_LABEL),
  'treatment.status': ['performed', 'planned', 'recommended', 'declined', 'denied', 'completed', 'discontinued', 'ongoing'],
  'treatment.doseChange': ['started', 'increased', 'decreased', 'stopped', 'continued', 'switched'],
  'outcome_measure.instrument': ['NRS', 'VAS', 'ODI', 'NDI', 'LEFS', 'QuickDASH', 'DASH', 'PSFS', 'ROM', 'strength', 'other'],
  'outcome_measure.direction': ['improved', 'worsened', 'unchanged'],
  'benefit.modality': Object.keys(MODALITY_LABEL),
  'objective_finding.category': ['imaging', 'electrodiagnostic', 'exam'],
  'limitation.activity': Object.keys(ACTIVITY_LABEL),
  'limitation.frequency': ['never', 'occasional', 'frequent', 'constant'],
  'limitation.source': ['provider', 'patient'],
  'work_status.status': ['off_work', 'modified_duty', 'full_duty', 'unable_any_work', 'not_working'],
  'prognosis.outlook': ['poor', 'guarded', 'fair', 'good', 'excellent', 'permanent', 'unchanged'],
  'plan_signal.signal': ['maintenance_care', 'continue_current_management', 'follow_up_prn', 'no_further_treatment', 'not_surgical_candidate', 'surgery_declined', 'referral', 'new_treatment', 'return_to_clinic'],
  'mmi_statement.kind': ['mmi', 'permanent_and_stationary', 'not_at_mmi', 'plateau'],
  'impairment_rating.basis': ['whole_person', 'upper_extremity', 'lower_extremity', 'regional', 'unspecified'],
  side: ['left', 'right', 'bilateral'],
};

export function attributeOptions(type: string, key: string): readonly string[] | undefined {
  return ATTRIBUTE_OPTIONS[`${type}.${key}`] ?? ATTRIBUTE_OPTIONS[key];
}

/** Starting attributes for a fact added from selected text. */
export function attributeTemplate(type: string, words: string): Record<string, string | number | boolean> {
  const quote = words.replace(/\s+/g, ' ').trim();
  switch (type) {
    case 'treatment': return { modality: 'physical_therapy', status: 'performed' };
    case 'limitation': return { activity: 'lift', source: 'provider', text: quote };
    case 'objective_finding': return { category: 'exam', label: quote.slice(0, 80), abnormal: true };
    case 'mmi_statement': return { kind: 'mmi', mmiDate: '' };
    case 'outcome_measure': return { instrument: 'NRS', value: 0, max: 10 };
    case 'plan_signal': return { signal: 'maintenance_care' };
    default: return {};
  }
}

/** Short label for an evidence chip: "5F/12", else the file's short name and page. */
export function evidenceLabel(e: Evidence): string {
  if (e.exhibit) return e.exhibit;
  const base = e.file.split('/').pop() ?? e.file;
  // A leading ordinal ("03_FAX_Willamette…", "12 - Lab results") stands for the file; else a short head of its name.
  const ordinal = /^(\d{1,3}[A-Z]?)(?=[_\s.-])/.exec(base)?.[1];
  const short = ordinal ?? (base.length > 16 ? `${base.slice(0, 14).trimEnd()}…` : base);
  return `${short} p.${e.page}`;
}

export function evidenceLong(e: Evidence): string {
  const ex = e.exhibit ? `Exhibit ${e.exhibit.split('/')[0]}, ` : '';
  return `${ex}page ${e.page} — ${e.file}`;
}

/** One line saying what a fact is. */
export function factSummary(f: Fact): string {
  const a = f.attributes as Record<string, unknown>;
  switch (f.type) {
    case 'treatment': {
      const t = f.attributes;
      const what = t.drug ? `${t.drug}${t.dose ? ` ${t.dose}` : ''}` : modalityLabel(t.modality) + (t.subtype ? ` (${t.subtype})` : '');
      const parts = [what, humanize(t.status).toLowerCase()];
      if (t.doseChange) parts.push(`dose ${t.doseChange}`);
      if (t.sessions) parts.push(`${t.sessions} sessions`);
      if (t.level) parts.push(t.level);
      if (t.side) parts.push(t.side);
      if (t.reasonStopped) parts.push(`stopped: ${t.reasonStopped}`);
      if (t.otherCondition) parts.push('other condition');
      return parts.join(' · ');
    }
    case 'outcome_measure': {
      const o = f.attributes;
      const name = o.instrument === 'other' ? o.name ?? 'Measure' : o.instrument;
      const extra = [o.motion, o.side].filter(Boolean).join(' ');
      const val = `${o.value}${o.max ? `/${o.max}` : ''}${o.unit && o.unit !== '%' ? ` ${o.unit}` : o.unit === '%' ? '%' : ''}`;
      const prev = o.previous != null ? ` (from ${o.previous})` : '';
      return `${name}${extra ? ` ${extra}` : ''}: ${val}${prev}${o.direction ? ` — ${o.direction}` : ''}`;
    }
    case 'benefit': {
      const b = f.attributes;
      if (b.noRelief) return `No relief${b.modality ? ` from ${modalityLabel(b.modality).toLowerCase()}` : ''}`;
      return [b.percentRelief != null ? `${b.percentRelief}% relief` : 'Relief', b.modality ? `from ${modalityLabel(b.modality).toLowerCase()}` : '', b.durationText ?? (b.durationDays ? `for ${b.durationDays} days` : '')].filter(Boolean).join(' ');
    }
    case 'objective_finding': {
      const o = f.attributes;
      return `${o.label}${o.level ? ` ${o.level}` : ''}${o.side ? ` (${o.side})` : ''} — ${o.category}${o.abnormal ? ', abnormal' : ', normal'}`;
    }
    case 'limitation': {
      const l = f.attributes;
      const lim = l.limit != null ? ` ≤ ${l.limit}${l.unit ? ` ${l.unit}` : ''}` : '';
      return `${activityLabel(l.activity)}${lim}${l.frequency ? ` (${l.frequency})` : ''} — per ${l.source}`;
    }
    case 'work_status': return `${humanize(f.attributes.status)}${f.attributes.until ? ` until ${fmtDate(f.attributes.until)}` : ''}`;
    case 'prognosis': return `Prognosis ${f.attributes.outlook}`;
    case 'plan_signal': return `${humanize(f.attributes.signal)}${f.attributes.target ? `: ${f.attributes.target}` : ''}`;
    case 'mmi_statement': return `${humanize(f.attributes.kind).replace('Mmi', 'MMI')}${f.attributes.mmiDate ? ` as of ${fmtDate(f.attributes.mmiDate)}` : ''}`;
    case 'impairment_rating': return `${f.attributes.percent}% ${humanize(f.attributes.basis).toLowerCase()}${f.attributes.guidesEdition ? ` (AMA Guides ${f.attributes.guidesEdition})` : ''}`;
    case 'diagnosis': return `${f.attributes.name}${f.attributes.code ? ` (${f.attributes.code})` : ''}`;
    default: return Object.entries(a).map(([k, v]) => `${k}: ${String(v)}`).join(', ');
  }
}

/** Only http(s) links are ever rendered as links. */
export function safeHttpUrl(u: string | undefined | null): string | undefined {
  if (!u) return undefined;
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** For the few strings handed to a library that renders HTML (chart tooltips). */
export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function roleLabel(role: unknown): string {
  if (!role) return '—';
  const kind = typeof role === 'string' ? role : (role as { kind?: string; role?: string }).kind ?? (role as { role?: string }).role;
  return humanize(kind ?? '');
}


/** A server message ("wrong name or password") as a sentence for the screen. */
export function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  return `${t[0].toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}

/** Server mode's roles, as an administrator picks them. */
export const USER_ROLES: { value: 'administrator' | 'reviewer' | 'read-only'; label: string; what: string }[] = [
  { value: 'administrator', label: 'Administrator', what: 'opens and changes every case, manages users, reads the audit log' },
  { value: 'reviewer', label: 'Reviewer', what: 'reads and changes the cases given to them' },
  { value: 'read-only', label: 'Read-only', what: 'reads the cases given to them' },
];
