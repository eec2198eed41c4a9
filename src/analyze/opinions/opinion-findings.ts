/** Objective findings as an opinion review cites them: one per kind of finding, the most telling first. */
import type { FactOf, OpinionFinding } from '../../model/index.js';
import type { CaseContext } from '../case-context.js';
import { pushTo } from '../../util/group.js';

type Finding = FactOf<'objective_finding'>;

/** "2024-11-11" → "11/2024": the month is what a reader needs to place an opinion or a finding. */
export function monthOf(iso: string | undefined): string {
  return iso ? `${iso.slice(5, 7)}/${iso.slice(0, 4)}` : 'undated';
}

/** "07/2022–11/2024", or one month when both fall in it. */
export function monthSpan(first: string | undefined, last: string | undefined): string {
  return first && monthOf(first) !== monthOf(last) ? `${monthOf(first)}–${monthOf(last)}` : monthOf(last ?? first);
}

const CATEGORY_ORDER = { exam: 0, imaging: 1, electrodiagnostic: 2 } as const;
/** The encounter kind that is a test's own report. */
const REPORT_OF: Record<string, string> = { imaging: 'imaging', electrodiagnostic: 'emg' };

/**
 * The distinct findings among `facts`, at most `max`: those recorded at a visit where limits were stated first (the
 * support given with the opinion itself), then those recorded at more visits, exam signs before tests, the latest first.
 * `tests_first` (another source's findings) puts imaging and electrodiagnostic results first: they show the impairment
 * whoever reads them. Each is cited by its latest statement.
 */
export function distinctFindings(ctx: CaseContext, facts: Finding[], statedAt: ReadonlySet<string>, max: number, order: 'exam_first' | 'tests_first' = 'exam_first'): OpinionFinding[] {
  const byKind = new Map<string, Finding[]>();
  for (const f of facts) pushTo(byKind, f.attributes.finding, f);
  const rank = (c: Finding['attributes']['category']) => (order === 'exam_first' ? CATEGORY_ORDER[c] : c === 'exam' ? 1 : 0);
  const ranked = [...byKind.values()].map((fs) => {
    const same = fs.filter((f) => statedAt.has(f.encounterId));
    // A test is best cited from its own report (the radiologist's, the electromyographer's), not a later mention.
    const reported = fs.filter((f) => ctx.encounterOf(f)?.kind === REPORT_OF[f.attributes.category]);
    const pool = same.length ? same : reported.length ? reported : fs;
    const pick = pool.reduce((a, b) => ((ctx.dateOf(b) ?? '') >= (ctx.dateOf(a) ?? '') ? b : a));
    return { pick, sameVisit: same.length > 0, reported: reported.length > 0, visits: new Set(fs.map((f) => ctx.dateOf(f) ?? f.encounterId)).size };
  }).sort((a, b) => Number(b.sameVisit) - Number(a.sameVisit)
    || (order === 'tests_first' ? rank(a.pick.attributes.category) - rank(b.pick.attributes.category) || Number(b.reported) - Number(a.reported) : 0)
    || b.visits - a.visits
    || rank(a.pick.attributes.category) - rank(b.pick.attributes.category) || (ctx.dateOf(b.pick) ?? '').localeCompare(ctx.dateOf(a.pick) ?? ''));
  // Another source's findings: one of each kind of test (imaging, electrodiagnostic, exam) before a second of a kind.
  const leads = order === 'tests_first' ? ranked.filter((x, i) => ranked.findIndex((y) => y.pick.attributes.category === x.pick.attributes.category) === i) : [];
  return [...leads, ...ranked.filter((x) => !leads.includes(x))].slice(0, max).map(({ pick, sameVisit }) => ({
    label: pick.attributes.label, category: pick.attributes.category, ...(ctx.dateOf(pick) ? { date: ctx.dateOf(pick) } : {}),
    source: ctx.providerOf(pick), sameVisit, evidence: pick.evidence.slice(0, 1),
  }));
}

/** "positive straight leg raise (11/2022)". */
export function findingWords(f: OpinionFinding): string {
  return `${f.label} (${monthOf(f.date)})`;
}
