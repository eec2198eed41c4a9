/**
 * Scores an analysis against a reviewer's answer key: MMI verdict and date, conflicts and withdrawn MMI,
 * modality recall and false timeline rows, limitation recall and false floor items, expected gaps found and
 * reported gaps judged wrong, requests sent to the wrong role, traps taken at face value, misfiled documents.
 */
import type { CaseAnalysis, Evidence, Fact, SourceDocument } from '../model/index.js';
import { collectEvidence, isAssertedFact, verifyCitations } from '../model/index.js';
import { conceptsOf, sharesConcept } from './gap-concepts.js';
import { isForOtherCondition } from '../knowledge/relevance.js';
import { KEY_ACTIVITY_OF, modalitiesOfKeyRow, type ReviewerKey } from './reviewer-key.js';

export interface ReviewerScore {
  case: string;
  mmi: { truth: string; predicted: string; statusOk: boolean; dateOk?: boolean; dateErrorDays?: number };
  conflict?: { expected: true; found: boolean };
  priorMmi?: { expected: true; found: boolean };
  modalities: { expected: number; found: number; missing: string[]; rows: number; falseRows: string[] };
  limitations: { expected: number; found: number; missing: string[]; items: number; falseItems: string[] };
  gaps: { expected: number; found: number; missing: string[]; reported: number; rules: string[]; wrong: string[]; wrongRules: string[]; wrongRole: string[] };
  traps: { total: number; fooled: string[]; located: number };
  misfiled: { expected: number; caught: number; falseFlags: string[] };
  /** Every evidence item checked against the text read (file, page, span, exact quote); findings that carry none. */
  citations: { checked: number; invalid: string[]; uncited: string[] };
}

const DAY = 86_400_000;
const dayDiff = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / DAY;

/** Roles a request must never go to: they cannot answer for function, MMI or treatment response. */
const WRONG_ROLE = /\b(?:radiolog\w*|emergency (?:physician|department)|ER physician|urgent care)\b/i;

function overlaps(ev: Evidence, file: string, start: number, end: number): boolean {
  return ev.file === file && ev.start < end && ev.end > start;
}

/**
 * Where a trap's quote sits in the text we read (whitespace-tolerant). A quote written several times is a
 * copy-forward trap: its first appearance is the true statement, the later copies are the trap.
 */
function locate(docs: SourceDocument[], file: string, quote: string): { file: string; start: number; end: number }[] {
  const doc = docs.find((d) => d.file === file || d.file.endsWith(`/${file}`) || file.endsWith(d.file));
  if (!doc) return [];
  const words = quote.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const spans = [...doc.text.matchAll(new RegExp(words.join('\\s+'), 'g'))].map((m) => ({ file: doc.file, start: m.index, end: m.index + m[0].length }));
  return spans.length > 1 ? spans.slice(1) : spans;
}

/** A trap about a number misread as a date ("'12/18' is visit 12 of 18, not December 18"). */
const DATE_TRAP = /\bnot (?:a date|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|the date)/i;

/** A trap about MMI ("maximum benefit from skilled PT", "Anticipate MMI"): only the verdict can take it at face value. */
const MMI_TRAP = /\b(?:MMI|maximum (?:medical|therapeutic)? ?(?:improvement|benefit)|plateau\w*|permanent and stationary|P&S|fixed and stable|statutory)\b/i;

/** Evidence that the report presents as established: the verdict's reasons, and for other traps performed care and the floor. */
function headlineEvidence(a: CaseAnalysis, facts: Fact[], mmiOnly: boolean): Evidence[] {
  const out: Evidence[] = [];
  if (a.mmi.status === 'explicit' || a.mmi.status === 'implied' || a.mmi.status === 'not_reached') {
    // A withdrawn MMI cited as the prior MMI is reported as withdrawn, not taken at face value.
    const prior = new Set((a.mmi.priorMmi?.evidence ?? []).map((e) => `${e.file}|${e.start}`));
    out.push(...collectEvidence(a.mmi.reasons).filter((e) => !prior.has(`${e.file}|${e.start}`)));
  }
  if (mmiOnly) return out;
  const done = new Set(['performed', 'ongoing', 'completed']);
  // Care for another condition is reported apart from the claim's treatment, so it is not taken as such.
  for (const f of facts) if (f.type === 'treatment' && done.has(f.attributes.status) && f.temporality === 'current' && isAssertedFact(f) && !isForOtherCondition(f)) out.push(...f.evidence);
  out.push(...collectEvidence(a.functionalFloor));
  return out;
}

export function scoreReviewerCase(key: ReviewerKey, a: CaseAnalysis, docs: SourceDocument[]): ReviewerScore {
  // MMI verdict
  const statusOk = key.mmi.status === a.mmi.status;
  const dated = key.mmi.date && (key.mmi.status === 'explicit' || key.mmi.status === 'implied');
  const dateErrorDays = dated && a.mmi.date ? Math.round(dayDiff(key.mmi.date!, a.mmi.date)) : undefined;
  const dateOk = dated ? statusOk && dateErrorDays !== undefined && dateErrorDays <= key.mmi.date_tolerance_days : undefined;

  const conflict = key.mmi.conflict ? { expected: true as const, found: a.mmi.conflicts.length > 0 } : undefined;
  const priorMmi = key.mmi.prior_mmi
    ? { expected: true as const, found: !!a.mmi.priorMmi && (!key.mmi.prior_mmi.date || !a.mmi.priorMmi.date || dayDiff(key.mmi.prior_mmi.date, a.mmi.priorMmi.date) <= 30) }
    : undefined;

  // Modalities: a key row is found when the timeline has a row of a modality it stands for.
  const rowModalities = new Set(a.timeline.map((t) => t.modality));
  const keyRows = key.modalities.filter((m) => modalitiesOfKeyRow(m).length);
  const missingMods = keyRows.filter((m) => !modalitiesOfKeyRow(m).some((x) => rowModalities.has(x))).map((m) => `${m.modality} ${m.first ?? ''}`.trim());
  const keyModalities = new Set(key.modalities.flatMap(modalitiesOfKeyRow));
  const falseRows = a.timeline.filter((t) => !keyModalities.has(t.modality)).map((t) => `${t.modality}${t.subtype ? ` (${t.subtype})` : ''}`);

  // Limitations: lasting ones are expected on the floor; any activity in the key (temporary too) is not false.
  const floorActs = new Set(a.functionalFloor.flatMap((f) => KEY_ACTIVITY_OF[f.activity]));
  const lasting = [...new Set(key.limitations.filter((l) => !l.temporary).map((l) => l.activity))];
  const keyActs = new Set(key.limitations.map((l) => l.activity));
  const missingLims = lasting.filter((act) => !floorActs.has(act));
  const falseItems = a.functionalFloor.filter((f) => !KEY_ACTIVITY_OF[f.activity].some((x) => keyActs.has(x))).map((f) => f.activity);

  const misfiledKey = key.misfiled ?? [];
  const isKeyed = (f: string) => misfiledKey.some((m) => f === m || f.endsWith(`/${m}`) || f.endsWith(m));
  // Gaps, by shared concept.
  const expectedTags = key.expected_gaps.map((g) => ({ text: g, tags: conceptsOf(g) }));
  const reportedTags = a.gaps.map((g) => ({ ruleId: g.ruleId, text: `${g.ruleId}: ${g.title}`, tags: conceptsOf(`${g.title}. ${g.request.ask}`), files: g.evidence.map((e) => e.file) }));
  const missingGaps = expectedTags.filter((e) => !reportedTags.some((r) => sharesConcept(e.tags, r.tags))).map((e) => e.text.slice(0, 90));
  // The key lists another patient's pages under `misfiled`, not among its gaps: a request to take out a page it keys
  // as misfiled is the same finding, not a wrong one.
  const keyedMisfile = (r: (typeof reportedTags)[number]) => r.ruleId === 'misfiled-document' && r.files.some(isKeyed);
  const wrongTags = reportedTags.filter((r) => !keyedMisfile(r) && !expectedTags.some((e) => sharesConcept(e.tags, r.tags)));
  const wrong = wrongTags.map((r) => r.text);
  const wrongRole = a.gaps.filter((g) => WRONG_ROLE.test(g.request.to)).map((g) => `${g.ruleId} → ${g.request.to}`);

  // Traps: a trap is taken at face value when an asserted fact from its words reaches the headline findings.
  const headline = headlineEvidence(a, a.facts, false);
  const verdictOnly = headlineEvidence(a, a.facts, true);
  const fooled: string[] = [];
  let located = 0;
  for (const t of key.traps) {
    const spans = locate(docs, t.file, t.quote);
    if (!spans.length) continue;
    located++;
    const hit = (ev: Evidence) => spans.some((span) => overlaps(ev, span.file, span.start, span.end));
    // A misread date fools us only if a fact took its date from those words.
    const taken = DATE_TRAP.test(t.why ?? '')
      ? a.facts.some((f) => f.dateSource === 'sentence' && f.evidence.some(hit))
      : (MMI_TRAP.test(t.quote) ? verdictOnly : headline).some(hit);
    if (taken) fooled.push(`${t.file}: ${t.quote.slice(0, 70)}`);
  }

  // (A stray page set aside inside the claimant's own exhibit is not a whole misfiled document.)
  const flagged = a.documents.filter((d) => d.misfiled && !d.misfiled.pages).map((d) => d.file);
  const cited = verifyCitations(a, new Map(docs.map((d) => [d.file, d])));
  const uncited = [
    ...a.gaps.filter((g) => !g.evidence.length).map((g) => `gap ${g.ruleId}`),
    ...a.mmi.reasons.filter((r) => !r.evidence.length).map((r) => `MMI reason: ${r.text.slice(0, 60)}`),
    ...a.functionalFloor.filter((l) => !l.evidence.length).map((l) => `floor ${l.activity}`),
  ];
  return {
    case: key.case_id,
    mmi: { truth: key.mmi.status, predicted: a.mmi.status, statusOk, dateOk, dateErrorDays },
    conflict, priorMmi,
    modalities: { expected: keyRows.length, found: keyRows.length - missingMods.length, missing: missingMods, rows: a.timeline.length, falseRows },
    limitations: { expected: lasting.length, found: lasting.length - missingLims.length, missing: missingLims, items: a.functionalFloor.length, falseItems },
    gaps: { expected: key.expected_gaps.length, found: key.expected_gaps.length - missingGaps.length, missing: missingGaps, reported: a.gaps.length, rules: a.gaps.map((g) => g.ruleId), wrong, wrongRules: wrongTags.map((r) => r.ruleId), wrongRole },
    traps: { total: key.traps.length, fooled, located },
    misfiled: { expected: misfiledKey.length, caught: flagged.filter(isKeyed).length, falseFlags: flagged.filter((f) => !isKeyed(f)) },
    citations: { checked: cited.checked, invalid: cited.problems.map((p) => `${p.evidence.file} p.${p.evidence.page}: ${p.problem}`), uncited },
  };
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(0)}%` : '–');

export interface ReviewerSummary {
  cases: number;
  mmiStatus: number; mmiDated: number; mmiDateOk: number;
  conflicts: [number, number]; priorMmi: [number, number];
  modalityRecall: [number, number]; falseRows: [number, number];
  limitationRecall: [number, number]; falseLimits: [number, number];
  gapRecall: [number, number]; gapWrong: [number, number]; wrongRole: number;
  trapsFooled: [number, number]; misfiled: [number, number]; falseMisfiled: number;
  citationsChecked: number; citationsInvalid: number; uncited: number;
}

export function summariseReviewer(scores: ReviewerScore[]): ReviewerSummary {
  const sum = (f: (s: ReviewerScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  return {
    cases: scores.length,
    mmiStatus: sum((s) => Number(s.mmi.statusOk)),
    mmiDated: sum((s) => Number(s.mmi.dateOk !== undefined)),
    mmiDateOk: sum((s) => Number(!!s.mmi.dateOk)),
    conflicts: [sum((s) => Number(!!s.conflict?.found)), sum((s) => Number(!!s.conflict))],
    priorMmi: [sum((s) => Number(!!s.priorMmi?.found)), sum((s) => Number(!!s.priorMmi))],
    modalityRecall: [sum((s) => s.modalities.found), sum((s) => s.modalities.expected)],
    falseRows: [sum((s) => s.modalities.falseRows.length), sum((s) => s.modalities.rows)],
    limitationRecall: [sum((s) => s.limitations.found), sum((s) => s.limitations.expected)],
    falseLimits: [sum((s) => s.limitations.falseItems.length), sum((s) => s.limitations.items)],
    gapRecall: [sum((s) => s.gaps.found), sum((s) => s.gaps.expected)],
    gapWrong: [sum((s) => s.gaps.wrong.length), sum((s) => s.gaps.reported)],
    wrongRole: sum((s) => s.gaps.wrongRole.length),
    trapsFooled: [sum((s) => s.traps.fooled.length), sum((s) => s.traps.total)],
    misfiled: [sum((s) => s.misfiled.caught), sum((s) => s.misfiled.expected)],
    falseMisfiled: sum((s) => s.misfiled.falseFlags.length),
    citationsChecked: sum((s) => s.citations.checked), citationsInvalid: sum((s) => s.citations.invalid.length), uncited: sum((s) => s.citations.uncited.length),
  };
}

/** Each gap rule's reports judged wrong, worst first: where precision is lost. */
function gapRulePrecision(scores: ReviewerScore[]): string[] {
  const tally = new Map<string, { reported: number; wrong: number }>();
  for (const s of scores) {
    for (const id of s.gaps.rules) { const t = tally.get(id) ?? { reported: 0, wrong: 0 }; t.reported++; tally.set(id, t); }
    for (const id of s.gaps.wrongRules) { const t = tally.get(id); if (t) t.wrong++; }
  }
  return ['## gap rules (judged wrong / reported)', ...[...tally].sort((a, b) => b[1].wrong - a[1].wrong || b[1].reported - a[1].reported)
    .map(([id, t]) => `  ${id.padEnd(36)} ${t.wrong}/${t.reported}`)];
}

/** The per-case table and the totals, as `plateau eval` prints them for reviewer-keyed cases. */
export function formatReviewer(scores: ReviewerScore[], verbose = false): string {
  const lines: string[] = [];
  const head = ['case', 'MMI truth', 'predicted', 'date', 'mods', 'false rows', 'limits', 'false lim', 'gaps', 'wrong gaps', 'traps', 'misfiled'];
  const rows = scores.map((s) => [
    s.case, s.mmi.truth, s.mmi.predicted + (s.mmi.statusOk ? '' : ' ✗'),
    s.mmi.dateOk === undefined ? '' : s.mmi.dateOk ? 'ok' : `✗ ${s.mmi.dateErrorDays ?? '–'}d`,
    `${s.modalities.found}/${s.modalities.expected}`, `${s.modalities.falseRows.length}/${s.modalities.rows}`,
    `${s.limitations.found}/${s.limitations.expected}`, `${s.limitations.falseItems.length}/${s.limitations.items}`,
    `${s.gaps.found}/${s.gaps.expected}`, `${s.gaps.wrong.length}/${s.gaps.reported}`,
    `${s.traps.fooled.length}/${s.traps.total}`, s.misfiled.expected || s.misfiled.falseFlags.length ? `${s.misfiled.caught}/${s.misfiled.expected}${s.misfiled.falseFlags.length ? ` +${s.misfiled.falseFlags.length}` : ''}` : '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) lines.push(fmt(r));
  const t = summariseReviewer(scores);
  lines.push('');
  lines.push(`MMI status ${t.mmiStatus}/${t.cases} (${pct(t.mmiStatus, t.cases)}); date within tolerance ${t.mmiDateOk}/${t.mmiDated}`);
  lines.push(`conflicts found ${t.conflicts[0]}/${t.conflicts[1]}; prior (withdrawn) MMI found ${t.priorMmi[0]}/${t.priorMmi[1]}`);
  lines.push(`modality recall ${t.modalityRecall[0]}/${t.modalityRecall[1]} (${pct(...t.modalityRecall)}); false timeline rows ${t.falseRows[0]}/${t.falseRows[1]} (${pct(...t.falseRows)})`);
  lines.push(`lasting-limitation recall ${t.limitationRecall[0]}/${t.limitationRecall[1]} (${pct(...t.limitationRecall)}); false floor items ${t.falseLimits[0]}/${t.falseLimits[1]} (${pct(...t.falseLimits)})`);
  lines.push(`expected gaps found ${t.gapRecall[0]}/${t.gapRecall[1]} (${pct(...t.gapRecall)}); reported gaps judged wrong ${t.gapWrong[0]}/${t.gapWrong[1]} (${pct(...t.gapWrong)}); requests to a wrong role ${t.wrongRole}`);
  lines.push(`traps taken at face value ${t.trapsFooled[0]}/${t.trapsFooled[1]} (${pct(...t.trapsFooled)}); misfiled documents caught ${t.misfiled[0]}/${t.misfiled[1]}, wrongly flagged ${t.falseMisfiled}`);
  lines.push(`citations checked against the source text ${t.citationsChecked}, invalid ${t.citationsInvalid}; findings without evidence ${t.uncited}`);
  if (verbose) {
    for (const s of scores) {
      lines.push('', `## ${s.case}`);
      if (s.modalities.missing.length) lines.push(`  missing modalities: ${s.modalities.missing.join(', ')}`);
      for (const c of [...s.citations.invalid, ...s.citations.uncited]) lines.push(`  citation: ${c}`);
      if (s.modalities.falseRows.length) lines.push(`  false rows: ${s.modalities.falseRows.join(', ')}`);
      if (s.limitations.missing.length) lines.push(`  missing limitations: ${s.limitations.missing.join(', ')}`);
      if (s.limitations.falseItems.length) lines.push(`  false limitations: ${s.limitations.falseItems.join(', ')}`);
      for (const g of s.gaps.missing) lines.push(`  gap missed: ${g}`);
      for (const g of s.gaps.wrong) lines.push(`  gap wrong: ${g}`);
      for (const g of s.gaps.wrongRole) lines.push(`  wrong role: ${g}`);
      for (const f of s.traps.fooled) lines.push(`  trap: ${f}`);
      if (s.traps.located < s.traps.total) lines.push(`  traps not located in text: ${s.traps.total - s.traps.located}`);
    }
    lines.push('', ...gapRulePrecision(scores));
  }
  return lines.join('\n') + '\n';
}
