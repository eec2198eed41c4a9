/** The claim details a reviewer enters for a case, validated, and the claim the analysis reads from them. */
import { z } from 'zod';
import type { Claim } from '../model/index.js';
import type { CaseRow } from '../store/cases.js';

const ISO_DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const optionalDate = ISO_DATE.nullish().or(z.literal('').transform(() => null));
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((s) => s || null);

export const CaseDetailsSchema = z.object({
  claimant: z.string().trim().min(1, 'the claimant\'s name').max(200),
  claimType: z.enum(['ssdi', 'ssi', 'workers_comp', 'personal_injury', 'general']),
  state: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'a two-letter state').nullish().or(z.literal('').transform(() => null)),
  dob: optionalDate,
  onset: optionalDate,
  dli: optionalDate,
  filingDate: optionalDate,
  education: optionalText(200),
  pastWork: optionalText(2000),
  /** Keep the case's records until this day; the next day they are purged. A past day (a typo) would purge at once. */
  retainUntil: ISO_DATE.refine((d) => d >= new Date().toISOString().slice(0, 10), 'a date from today on').nullish().or(z.literal('').transform(() => null)),
});
export type CaseDetails = z.infer<typeof CaseDetailsSchema>;
export const CaseDetailsPatchSchema = CaseDetailsSchema.partial();

export function toColumns(d: Partial<CaseDetails>) {
  const out: Record<string, string | null> = {};
  if (d.claimant !== undefined) out.claimant = d.claimant;
  if (d.claimType !== undefined) out.claim_type = d.claimType;
  if (d.state !== undefined) out.state = d.state ?? null;
  if (d.dob !== undefined) out.dob = d.dob ?? null;
  if (d.onset !== undefined) out.onset = d.onset ?? null;
  if (d.dli !== undefined) out.dli = d.dli ?? null;
  if (d.filingDate !== undefined) out.filing_date = d.filingDate ?? null;
  if (d.education !== undefined) out.education = d.education ?? null;
  if (d.pastWork !== undefined) out.past_work = d.pastWork ?? null;
  if (d.retainUntil !== undefined) out.retain_until = d.retainUntil ?? null;
  return out;
}

export function toDetails(r: CaseRow) {
  return {
    id: r.id, claimant: r.claimant, claimType: r.claim_type, state: r.state, dob: r.dob, onset: r.onset, dli: r.dli,
    filingDate: r.filing_date, education: r.education, pastWork: r.past_work, retainUntil: r.retain_until, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** The fields the analysis depends on: changing one re-analyses the case. */
export const CLAIM_FIELDS = ['claimType', 'state', 'onset', 'dli', 'dob', 'education', 'pastWork', 'filingDate'] as const;

export function claimOf(r: CaseRow): Claim {
  return {
    type: r.claim_type as Claim['type'], onset: r.onset ?? undefined, dli: r.dli ?? undefined, state: r.state ?? undefined,
    dob: r.dob ?? undefined, education: r.education ?? undefined, pastWork: r.past_work ?? undefined, filingDate: r.filing_date ?? undefined,
  };
}
