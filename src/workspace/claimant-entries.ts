/**
 * The claimant's own record beside the medical one: dated notes in their words, expenses with receipts, claim
 * letters and forms received. Shown on the same timeline, always as the claimant's own, never counted as medical
 * evidence; expenses are summed next to the billing ledger.
 */
import { z } from 'zod';

export const EntrySchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  kind: z.enum(['note', 'expense', 'letter']),
  title: z.string().trim().min(1, 'a short title').max(200),
  text: z.string().max(20_000).optional(),
  /** Dollars as typed ("42.50"); stored in cents. */
  amount: z.union([z.number(), z.string()]).optional().transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const n = typeof v === 'number' ? v : Number(String(v).replace(/[$,\s]/g, ''));
    if (!Number.isFinite(n) || n < 0 || n > 10_000_000) { ctx.addIssue({ code: 'custom', message: 'an amount in dollars' }); return z.NEVER; }
    return Math.round(n * 100);
  }),
});
export type EntryInput = z.infer<typeof EntrySchema>;

export interface ClaimantEntry {
  id: number; date: string; kind: 'note' | 'expense' | 'letter'; title: string; text?: string; amount?: number;
  receipt?: string; createdAt: string; source: 'claimant';
}
