/** The medical opinions as one "What this record supports" item: how many are supported and consistent, and what to ask for. */
import type { Opinions, SupportItem } from '../../model/index.js';
import { canBeAskedForSupport } from '../opinions/index.js';

export function opinionsItem(o: Opinions): SupportItem {
  const { reviews, regulation } = o;
  const label = `Medical opinions (${regulation.cite.replace('20 CFR ', '')})`;
  if (!reviews.length) {
    return {
      id: 'medical-opinions', label, status: 'missing', evidence: [],
      text: `No medical opinion on function (a limit stated by a medical source) is in the record. ${regulation.text}`,
      missing: ['a medical source statement from the treating physician, with the findings behind each limit'],
    };
  }
  const unsupported = reviews.filter((r) => r.supportability.status === 'unsupported' || r.supportability.status === 'normal_only');
  const supported = reviews.filter((r) => r.supportability.status === 'supported');
  const askable = reviews.filter(canBeAskedForSupport);
  const mental = reviews.filter((r) => r.supportability.status === 'not_assessed');
  const inconsistent = reviews.filter((r) => r.consistency.status === 'inconsistent' || r.consistency.status === 'mixed');
  return {
    id: 'medical-opinions', label,
    status: mental.length === reviews.length ? 'info' : !supported.length ? 'missing' : unsupported.length || inconsistent.length ? 'partly' : 'supported',
    text: `${reviews.length} source${reviews.length > 1 ? 's' : ''} state${reviews.length > 1 ? '' : 's'} limits: ${supported.length} with abnormal objective findings in their own records${mental.length ? `, ${mental.length} mental opinion${mental.length > 1 ? 's' : ''} whose support is not assessed` : ''}; ${inconsistent.length ? `${inconsistent.length} contradicted by another source on some activity` : 'none contradicted by another source'}. ${regulation.text}`,
    evidence: reviews.flatMap((r) => r.evidence.slice(0, 1)),
    ...(askable.length ? { missing: askable.map((r) => `the examination findings, imaging or test results behind ${r.source}'s limits (asked of that source in the letters)`) } : {}),
  };
}
