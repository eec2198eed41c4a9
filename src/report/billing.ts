/** Wording for the Billing & costs section, shared by the Markdown and HTML reports. */
import type { BillingTotal, Modality } from '../model/index.js';
import { MODALITY_LABEL } from './labels.js';
import { usd } from '../util/money.js';

/** Dollars: the one formatter, re-exported for the report's sections. */
export { usd };

/** A modality total's key in words: the treatment's label, or what the non-treatment bucket holds. */
export function costCategory(key: string): string {
  if (key === 'office_visit') return 'Office visits (E/M)';
  if (key === 'other') return 'Other billed services';
  return MODALITY_LABEL[key as Modality] ?? key.replace(/_/g, ' ');
}

/** Columns of a totals row after its label: lines, charges, paid, adjustments, balance. */
export function totalCells(t: BillingTotal): string[] {
  return [String(t.lines), usd(t.charges), usd(t.paid), usd(t.adjustments), usd(t.balance)];
}

export const TOTAL_HEADERS = ['Lines', 'Charges', 'Paid', 'Adjustments', 'Balance'];

/** Monthly rows when the ledger spans up to two years; yearly beyond that, where months would be a long list. */
export function overTime(billing: { totals: { byMonth: BillingTotal[]; byYear: BillingTotal[] } }): { unit: 'Month' | 'Year'; rows: BillingTotal[] } {
  return billing.totals.byMonth.length <= 24 ? { unit: 'Month', rows: billing.totals.byMonth } : { unit: 'Year', rows: billing.totals.byYear };
}
