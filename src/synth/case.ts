import type { ClaimType, Modality } from '../model/index.js';
import { addDays, daysBetween, DAYS_PER_MONTH, formatDate, pickDateStyle, type DateStyle } from './dates.js';
import { PATHWAYS, type Pathway } from './pathways.js';
import { clinicianName, patient, place, type Person } from './people.js';
import { profileFor } from '../profiles/index.js';
import { ocrNoise } from './noise.js';
import type { Rng } from './prng.js';
import type { TruthFact, TruthInput } from './truth.js';

/**
 * One synthetic claim file: a care pathway played out over time by several providers, each writing in its
 * own voice, with the ground truth recorded as each sentence is written (a fact enters truth.json only
 * when the text that states it is emitted).
 */

export type MmiKind = 'explicit' | 'implied' | 'not_reached' | 'insufficient_evidence';
type Voice = 'soap' | 'narrative' | 'flowsheet' | 'radiology' | 'emg' | 'letter' | 'ime' | 'fce' | 'mss' | 'psych' | 'dental' | 'ed';

interface Provider {
  key: string; name: string; credential: string; org: string; voice: Voice; dateStyle: DateStyle;
  /** Treating sources give opinions that count as the treating-source opinion; IME/FCE examiners do not. */
  treating: boolean;
}

interface Note { provider: Provider; date: string; body: string[]; relevant: boolean }

export interface GeneratedCase {
  id: string;
  files: { name: string; pages: string[] }[];
  truth: TruthInput;
}

export interface CaseOptions { id: string; pages?: number; mmi?: MmiKind; pathway?: string }

const SIDES = ['left', 'right'] as const;
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

class CaseBuilder {
  readonly notes: Note[] = [];
  readonly facts: TruthFact[] = [];
  readonly distractors: NonNullable<TruthInput['distractors']> = [];
  readonly limitationsSeen = new Map<string, { providers: Set<string>; visits: Set<string>; sources: Set<'provider' | 'patient'>; limit?: number; unit?: string }>();
  readonly ptCourses: { hasMeasures: boolean }[] = [];
  readonly injections: { withDuration: boolean }[] = [];
  hasOpinion = false;
  hasPrognosis = false;
  hasRating = false;
  hasAbnormalTest = false;
  /** Abnormal exam signs are objective findings too (20 CFR 404.1502(g)). */
  hasAbnormalSign = false;
  /** Where MMI truly falls: the explicit statement, or the first maintenance-only visit. */
  truthMmi?: { date: string; by: string; status?: 'implied' };
  private current?: Note;
  private readonly used = new Set<string>();

  constructor(readonly rng: Rng, readonly p: Pathway, readonly person: Person, readonly side: 'left' | 'right') {}

  provider(voice: Voice, credential: string, orgKind: string, treating = true): Provider {
    const name = clinicianName(this.rng, this.used);
    return { key: `${voice}:${name}`, name, credential, org: `${place(this.rng)} ${orgKind}`, voice, dateStyle: pickDateStyle(this.rng), treating };
  }

  /** Fill {side}, {Side}, {SIDE}, {deg}, {n}, {m} placeholders. */
  fill(s: string, vars: Record<string, string | number> = {}): string {
    return s.replace(/\{(\w+)\}/g, (_, k: string) => {
      if (k === 'side') return this.side;
      if (k === 'Side') return cap(this.side);
      if (k === 'SIDE') return this.side.toUpperCase();
      if (k === 'deg') return String(vars.deg ?? this.rng.pick([30, 35, 40, 45, 50, 60]));
      return String(vars[k] ?? '');
    });
  }

  open(provider: Provider, date: string, relevant = true): Note {
    const n: Note = { provider, date, body: [], relevant };
    this.notes.push(n);
    this.current = n;
    return n;
  }
  line(s: string): void { this.current!.body.push(s); }
  fact(f: TruthFact): void { this.facts.push(f); }
  get date(): string { return this.current!.date; }
  get who(): Provider { return this.current!.provider; }

  pain(v: number, voice = this.who.voice): string {
    this.fact({ type: 'outcome_measure', instrument: 'NRS', value: v, date: this.date });
    return this.rng.pick(voice === 'flowsheet' ? [`NPRS: ${v}/10`, `Pain ${v}/10`] : [`Pain ${v}/10.`, `Rates pain ${v}/10.`, `Pain is ${v}/10 today.`, `NRS ${v}/10.`]);
  }
  instrument(v: number): string {
    const ins = this.p.instrument;
    this.fact({ type: 'outcome_measure', instrument: ins.name, value: v, date: this.date });
    const label = this.rng.pick(ins.labels);
    return ins.unit === '%' ? `${label} ${v}%` : `${label} score ${v}${ins.unit === '/10' || ins.unit === '/80' ? ins.unit : ''}`;
  }
  exam(abnormal = 2): string {
    const bits = this.rng.sample(this.p.examAbnormal, abnormal).map((s) => this.fill(s));
    if (this.rng.chance(0.5)) bits.push(this.rng.pick(this.p.examNormal));
    this.fact({ type: 'objective_finding', category: 'exam', date: this.date });
    if (abnormal > 0) this.hasAbnormalSign = true;
    for (const bit of bits) for (const f of examStatedFacts(bit, this.date)) this.fact(f);
    return bits.join(' ');
  }
  treatment(modality: Modality, status = 'performed', date = this.date): void {
    this.fact({ type: 'treatment', modality, date, status });
  }
  limitation(activity: string, source: 'provider' | 'patient', text: string, limit?: number, unit?: string): string {
    this.fact({ type: 'limitation', activity: activity as 'lift', source, date: this.date });
    const key = activity;
    const seen = this.limitationsSeen.get(key) ?? { providers: new Set(), visits: new Set(), sources: new Set() };
    seen.providers.add(this.who.name); seen.visits.add(this.date); seen.sources.add(source);
    if (source === 'provider' && limit !== undefined) { seen.limit = limit; seen.unit = unit; }
    this.limitationsSeen.set(key, seen);
    return text;
  }
  plan(signal: 'maintenance_care' | 'continue_current_management' | 'follow_up_prn' | 'no_further_treatment' | 'not_surgical_candidate' | 'surgery_declined' | 'referral' | 'new_treatment' | 'return_to_clinic'): void {
    this.fact({ type: 'plan_signal', signal, date: this.date });
  }
  distract(kind: 'negated' | 'hypothetical' | 'family_history' | 'historical', text: string, fact?: TruthFact): string {
    this.distractors.push({ kind, text, fact });
    return text;
  }
}

/** Measures and devices an exam phrase states, as the reviewer would list them: "4/5" strength, "limited to 40 degrees" ROM, "uses a cane". */
const EXAM_STATEMENTS: { re: RegExp; fact: (m: RegExpMatchArray, date: string) => TruthFact }[] = [
  { re: /\b([0-5])(\+|-)?\/5\b/, fact: (m, date) => ({ type: 'outcome_measure', instrument: 'strength', value: Number(m[1]) + (m[2] === '+' ? 0.5 : m[2] === '-' ? -0.5 : 0), date }) },
  { re: /\b(?:flexion|extension|abduction|rotation) limited to (\d+) degrees\b/, fact: (m, date) => ({ type: 'outcome_measure', instrument: 'ROM', value: Number(m[1]), date }) },
  { re: /\buses a (?:cane|walker)\b/, fact: (_m, date) => ({ type: 'treatment', modality: 'assistive_device', status: 'performed', date }) },
];

export function examStatedFacts(text: string, date: string): TruthFact[] {
  return EXAM_STATEMENTS.flatMap(({ re, fact }) => { const m = text.match(re); return m ? [fact(m, date)] : []; });
}

/** Build one case. Every random draw goes through `rng`, so the same seed gives the same case. */
export function buildCase(rng: Rng, opts: CaseOptions): GeneratedCase {
  const p = opts.pathway ? PATHWAYS.find((x) => x.id === opts.pathway) ?? rng.pick(PATHWAYS) : rng.pick(PATHWAYS);
  const person = patient(rng);
  const side = rng.pick(SIDES);
  const b = new CaseBuilder(rng, p, person, side);
  const mmi: MmiKind = opts.mmi ?? rng.pick(['explicit', 'explicit', 'implied', 'implied', 'not_reached', 'insufficient_evidence'] as const);
  const claimType: ClaimType = rng.pick(['ssdi', 'ssdi', 'workers_comp', 'workers_comp', 'personal_injury'] as const);
  const onset = addDays('2021-01-04', rng.int(0, 700));
  const he = person.sex === 'F' ? 'she' : 'he';
  const His = person.sex === 'F' ? 'Her' : 'His';
  const pt = person.sex === 'F' ? 'Ms.' : 'Mr.';

  // Providers, each with its own voice.
  const pcp = b.provider('soap', rng.pick(['MD', 'DO', 'NP', 'PA-C']), claimType === 'workers_comp' ? 'Occupational Health' : rng.pick(['Family Medicine', 'Primary Care', 'Internal Medicine']));
  const ptp = b.provider('flowsheet', rng.pick(['PT, DPT', 'DPT', 'PT']), rng.pick(['Physical Therapy', 'Rehab & Sports PT', 'Spine & Joint Therapy']));
  const rad = b.provider('radiology', 'MD', rng.pick(['Imaging Center', 'Open MRI', 'Diagnostic Radiology']));
  const emgDoc = b.provider('emg', 'MD', 'Neurodiagnostics');
  const pain = b.provider('narrative', 'MD', rng.pick(['Pain & Spine', 'Interventional Pain Center', 'Pain Management Associates']));
  const surgeon = b.provider('letter', 'MD', p.region === 'lumbar' || p.region === 'cervical' ? 'Spine Institute' : 'Orthopaedic Group');
  const ime = b.provider('ime', 'MD', 'Independent Medical Evaluations', false);
  const fce = b.provider('fce', rng.pick(['OTR/L', 'PT, DPT']), 'Functional Capacity Testing', false);
  const psych = b.provider('psych', rng.pick(['PhD', 'PsyD']), 'Behavioral Health');
  const dentist = b.provider('dental', 'DDS', 'Family Dentistry');
  const edDoc = b.provider('ed', rng.pick(['MD', 'DO', 'PA-C']), 'Regional Medical Center Emergency Department');

  const fmt = (d: string, pr: Provider = b.who): string => formatDate(d, pr.dateStyle);
  const limitsAll = p.limitations;
  const mainLim = limitsAll[0];
  const liftN = rng.pick([10, 15, 20, 25]);
  const minutes = rng.pick([15, 20, 30, 45]);
  const patientLim = limitsAll.length > 1 ? limitsAll[1] : limitsAll[0];
  const singleLim = limitsAll.length > 2 && rng.chance(0.5) ? limitsAll[2] : undefined;
  const wantGap5m = (mmi === 'implied' || mmi === 'explicit') && rng.chance(0.25);
  const ptNoMeasuresCourse = rng.chance(0.35) ? rng.int(0, 1) : -1;
  const injNoDuration = rng.chance(0.3);
  const consultNoReason = rng.chance(0.3);
  const prognosisAt = rng.chance(0.5);
  const wantFce = claimType !== 'personal_injury' && (mmi === 'implied' || mmi === 'explicit') && rng.chance(0.3);
  const mss = claimType === 'ssdi' && (mmi === 'implied' || mmi === 'explicit') && rng.chance(0.4);

  const restriction = (l: Pathway['limitations'][number]): string => {
    const t = b.fill(rng.pick(l.provider), { n: liftN, m: minutes });
    const hasN = t.includes(String(liftN)) && l.activity === 'lift';
    return b.limitation(l.activity, 'provider', t, hasN ? liftN : undefined, hasN ? 'lb' : undefined);
  };
  const patientReport = (l: Pathway['limitations'][number]): string => {
    const t = b.fill(rng.pick(l.patient), { m: minutes });
    return b.limitation(l.activity, 'patient', `${cap(he)} reports ${he} ${t}.`);
  };
  const negations = [
    `${cap(he)} denies bowel or bladder incontinence.`, 'No fever, chills or unintentional weight loss.', `Denies saddle anesthesia.`,
    'No evidence of myelopathy.', `${cap(he)} denies numbness in the opposite limb.`, 'No signs of infection at prior injection sites.',
  ];
  const famHx = (): string => {
    const rel = rng.pick(['Mother', 'Father', 'Brother', 'Sister']);
    const what = rng.pick([
      { t: `${rel} had spinal fusion surgery.`, m: 'surgery' as const },
      { t: `${rel} with rheumatoid arthritis and a knee replacement.`, m: 'surgery' as const },
      { t: `${rel} received epidural injections for sciatica.`, m: 'epidural_injection' as const },
    ]);
    return b.distract('family_history', `FAMILY HISTORY: ${what.t} Diabetes in a grandparent.`, { type: 'treatment', modality: what.m, date: b.date, status: 'performed' });
  };

  // A complaint of difficulty reaching overhead is the patient's own report of an overhead-reach limit.
  const complaint = (): string => {
    const t = b.fill(rng.pick(p.complaint));
    if (/reaching overhead/.test(t)) b.limitation('overhead_reach', 'patient', t);
    return t;
  };
  // ---- Visit writers (each one a provider voice). ----
  const pcpVisit = (date: string, o: { nrs: number; initial?: boolean; planLines: () => string[]; lim?: boolean; patientLim?: boolean; extra?: () => string[] }): void => {
    b.open(pcp, date);
    const soapHeads = rng.chance(0.5) ? ['S:', 'O:', 'A:', 'P:'] : ['SUBJECTIVE:', 'OBJECTIVE:', 'ASSESSMENT:', 'PLAN:'];
    b.line(`${soapHeads[0]} ${o.initial ? `${person.first} is a ${2021 - Number(person.dob.slice(0, 4)) + 1} y/o ${person.sex === 'F' ? 'female' : 'male'} presenting with ${complaint()} since ${fmt(onset)}.` : `F/u ${complaint()}.`} ${b.pain(o.nrs)} ${rng.pick(negations)}`);
    if (o.patientLim) b.line(patientReport(patientLim));
    if (o.initial) b.line(famHx());
    b.line(`${soapHeads[1]} ${b.exam(rng.int(1, 2))}`);
    b.line(`${soapHeads[2]} ${b.fill(rng.pick(p.diagnoses))}.`);
    b.line(`${soapHeads[3]}`);
    for (const l of o.planLines()) b.line(`- ${l}`);
    if (o.lim) b.line(`- Work restrictions: ${restriction(mainLim)}.`);
    for (const e of o.extra?.() ?? []) b.line(e);
  };
  const orderImaging = (study: string): string => {
    b.treatment('imaging_study', 'recommended');
    return `Order ${study.toLowerCase().replace('{side}', side)}.`;
  };
  const med = (verb: 'Start' | 'Increase' | 'Continue', i = 0): string => {
    const m = p.meds[i % p.meds.length];
    b.treatment('medication', verb === 'Continue' ? 'ongoing' : 'performed');
    return `${verb} ${m.drug} ${m.dose}.`;
  };

  const ptCourse = (start: string, sessions: number, measures: boolean, startScore: number, endScore: number, nrs0: number, nrs1: number): string => {
    b.ptCourses.push({ hasMeasures: measures });
    const span = rng.int(28, 49);
    b.open(ptp, start);
    b.treatment('physical_therapy');
    b.line(rng.pick(['PHYSICAL THERAPY INITIAL EVALUATION', 'PT Eval — Plan of Care']));
    b.line(`Referring dx: ${b.fill(rng.pick(p.diagnoses))}`);
    b.line(`Subjective: ${complaint()}. ${patientReport(patientLim)}`);
    if (measures) { b.line(`Objective:\n  ${b.pain(nrs0, 'flowsheet')}\n  ${b.instrument(startScore)}`); } else b.line('Objective: guarded movement, see flowsheet.');
    b.line(`  Findings: ${b.exam(1)}`);
    b.line(`Treatment today: [x] Ther ex 97110  [x] Manual 97140  [ ] Traction  [x] HEP issued`);
    b.treatment('home_exercise');
    b.line(`Plan: ${rng.pick(['2x/wk', '3x/wk', '2-3x/week'])} x ${Math.round(span / 7)} wks.`);
    const daily = Math.min(sessions - 2, rng.int(1, 3));
    for (let i = 1; i <= daily; i++) {
      b.open(ptp, addDays(start, Math.round((span * i) / (daily + 1))));
      b.treatment('physical_therapy');
      b.line(rng.pick(['DAILY NOTE', 'Treatment Note']));
      b.line(`Visit ${1 + i * Math.floor(sessions / (daily + 1))} of ${sessions}. Pt tolerated tx well.`);
      b.line('[x] Ther ex  [x] Neuro re-ed  [ ] Modalities');
    }
    const end = addDays(start, span);
    b.open(ptp, end);
    b.treatment('physical_therapy', 'completed');
    b.line(rng.pick(['DISCHARGE SUMMARY', 'PT Discharge']));
    b.line(`Total visits: ${sessions}.`);
    if (measures) b.line(`At discharge: ${b.pain(nrs1, 'flowsheet')}; ${b.instrument(endScore)} (initial ${startScore}).`);
    else { b.line(rng.pick(['Pt states feeling somewhat better. D/C to HEP.', 'Pt reports exercises help a little. Independent with HEP. D/C.'])); b.treatment('home_exercise', 'ongoing'); }
    return end;
  };

  // ---- Story. ----
  const ins = p.instrument;
  const worse = (v: number, d: number): number => ins.higherIsWorse ? Math.min(ins.unit === '%' ? 90 : 95, v + d) : Math.max(0, v - d);
  const better = (v: number, d: number): number => ins.higherIsWorse ? Math.max(0, v - d) : v + d;
  let score = rng.int(...ins.start);
  if (ins.name === 'PSFS') score = rng.int(2, 4);
  const scoreStep = ins.name === 'PSFS' ? 1 : ins.name === 'LEFS' ? 6 : 8;
  let nrs = rng.int(6, 8);
  let d = addDays(onset, rng.int(2, 10));

  if (claimType === 'personal_injury') {
    // Personal-injury files open with the emergency visit after the crash.
    b.open(edDoc, onset);
    b.line(`CHIEF COMPLAINT: ${rng.pick(['MVC', 'motor vehicle collision', 'MVA, rear-ended at a stoplight'])}.`);
    b.line(`HPI: ${rng.pick(['Restrained driver', 'Restrained front-seat passenger'])} in a ${rng.pick(['rear-end', 'T-bone', 'low-speed'])} collision today; airbags ${rng.pick(['deployed', 'did not deploy'])}. Ambulatory at scene. ${b.pain(nrs + 1)} ${b.distract('negated', 'No loss of consciousness.')}`);
    b.line(`EXAM: ${b.exam(1)}`);
    b.line(`MDM/DISPOSITION: Soft-tissue injury after MVC. ${rng.pick(['Cyclobenzaprine 5 mg TID prn given.', 'Rx cyclobenzaprine 5 mg TID prn.'])} Discharged home; follow up with primary care in 3-5 days.`);
    b.treatment('medication');
  }
  pcpVisit(d, {
    nrs, initial: true, patientLim: true,
    planLines: () => [med('Start', 0), `Referral to physical therapy.`, b.distract('hypothetical', `If not improving in 6 weeks, will consider MRI.`, { type: 'treatment', modality: 'imaging_study', date: b.date })],
  });
  b.plan('referral');
  b.treatment('physical_therapy', 'recommended');

  if (mmi === 'insufficient_evidence') {
    // Only a thin record: one follow-up, a dental visit, nothing that shows the course.
    d = addDays(d, rng.int(20, 40));
    pcpVisit(d, { nrs: nrs - 1, planLines: () => [med('Continue', 0), 'Follow up as needed.'] });
    b.plan('follow_up_prn');
    b.open(dentist, addDays(d, rng.int(30, 90)), false);
    b.line('Periodic oral evaluation. Prophylaxis completed. No caries. Return 6 months.');
  } else {
    d = addDays(d, rng.int(7, 14));
    const sessions1 = rng.int(6, 12);
    const s0 = score;
    score = better(score, scoreStep);
    d = ptCourse(d, sessions1, ptNoMeasuresCourse !== 0, s0, score, nrs, nrs - 1);
    nrs -= 1;
    d = addDays(d, rng.int(7, 21));
    pcpVisit(d, { nrs, patientLim: true, lim: true, planLines: () => [med('Increase', 0), p.imaging ? orderImaging(p.imaging.study) : 'Labs: ESR, CRP, TSH normal.'] });
    if (p.imaging) {
      d = addDays(d, rng.int(5, 20));
      b.open(rad, d);
      b.line(`EXAM: ${b.fill(p.imaging.study)}`);
      b.line(`FINDINGS: ${b.fill(rng.pick(p.imaging.findings))} Remaining levels unremarkable.`);
      b.line(`IMPRESSION: ${b.fill(rng.pick(p.imaging.impressions))}`);
      b.fact({ type: 'objective_finding', category: 'imaging', date: d });
      b.treatment('imaging_study');
      b.hasAbnormalTest = true;
    }
    if (p.emg && rng.chance(0.6)) {
      d = addDays(d, rng.int(14, 35));
      b.open(emgDoc, d);
      b.line('NCS: motor and sensory conductions within normal limits.');
      b.line(`Needle EMG: ${b.fill(rng.pick(p.emg))}`);
      b.fact({ type: 'objective_finding', category: 'electrodiagnostic', date: d });
      b.hasAbnormalTest = true;
    }
    // Pain management: consult then injections with fading relief.
    if (p.injection) {
      d = addDays(d, rng.int(14, 30));
      b.open(pain, d);
      b.line(`CONSULTATION. ${pt} ${person.last} is seen for ${complaint()}. ${b.pain(nrs)} ${b.instrument(score)}. ${b.distract('negated', rng.pick(negations))}`);
      b.line(`Exam: ${b.exam(2)}`);
      b.line(`Plan: proceed with ${b.fill(rng.pick(p.injection.names))}. Restrictions: ${restriction(mainLim)}.`);
      b.treatment(p.injection.modality, 'planned');
      const nInj = rng.int(1, 3);
      const reliefs = [rng.pick([60, 70, 80]), rng.pick([40, 50]), rng.pick([10, 20, 25])];
      const lasting = [rng.pick([8, 10, 12]), rng.pick([4, 6]), rng.pick([1, 2])];
      for (let i = 0; i < nInj; i++) {
        d = addDays(d, rng.int(14, 28));
        b.open(pain, d);
        b.line(`PROCEDURE NOTE: ${b.fill(rng.pick(p.injection.names))} (CPT ${p.injection.cpt}). Fluoroscopic guidance. Triamcinolone 80 mg. No complications.`);
        b.treatment(p.injection.modality);
        b.injections.push({ withDuration: !(injNoDuration && i === nInj - 1) });
        d = addDays(d, rng.int(42, 70));
        b.open(pain, d);
        if (injNoDuration && i === nInj - 1) {
          b.line(`Follow-up after injection. ${cap(he)} says it "helped some." ${b.pain(nrs)}`);
        } else {
          b.line(`Follow-up. ${rng.pick(['Reports', 'Endorses', 'Describes'])} ${reliefs[i]}% relief lasting about ${lasting[i]} weeks after the injection. ${b.pain(nrs)}`);
          b.fact({ type: 'benefit', percentRelief: reliefs[i], durationDays: lasting[i] * 7, date: d });
        }
        b.line(`Restrictions: ${restriction(mainLim)}.`);
      }
    }
    // Surgical consultation: surgery, declined or not a candidate — or none at all (many claimants are never referred).
    const surgeryModality = p.surgery?.modality ?? 'surgery';
    const noConsult = mmi !== 'not_reached' && rng.chance(0.2);
    d = addDays(d, rng.int(21, 45));
    if (!noConsult) {
      b.open(surgeon, d);
      b.treatment('surgical_consultation');
      const outcome = mmi === 'not_reached' ? 'scheduled' : p.surgery ? rng.pick(['performed', 'declined', 'not_candidate'] as const) : 'not_candidate';
      b.line(`Dear colleague, thank you for referring ${pt} ${person.last}, whom I saw for ${b.fill(rng.pick(p.diagnoses))}. ${b.exam(2)}`);
      if (outcome === 'declined') {
        b.treatment(surgeryModality, 'recommended');
        b.line(`I offered ${b.fill(p.surgery!.names[0])}. ${pt} ${person.last} declined surgery${consultNoReason ? '.' : `, ${rng.pick(['citing fear of complications', `because ${he} cannot be off work for the recovery`, `as ${he} is the caregiver for a disabled parent`])}.`}`);
        b.treatment(surgeryModality, 'declined'); b.plan('surgery_declined');
      } else if (outcome === 'not_candidate') {
        b.line(consultNoReason ? 'Not a surgical candidate. Return to pain management.' : `${His} imaging does not show a surgically correctable lesion, so ${he} is not a surgical candidate.`);
        b.plan('not_surgical_candidate');
      } else if (outcome === 'scheduled') {
        b.line(`I recommend ${b.fill(p.surgery?.names[0] ?? 'surgical decompression')}, scheduled for ${fmt(addDays(d, 30))}.`);
        b.treatment(surgeryModality, 'recommended');
      } else {
        b.line(`I recommend ${b.fill(p.surgery!.names[0])}; ${he} wishes to proceed.`);
        b.treatment(surgeryModality, 'recommended');
        d = addDays(d, rng.int(20, 40));
        b.open(surgeon, d);
        b.line(`OPERATIVE REPORT. Procedure: ${b.fill(p.surgery!.names[0])} (CPT ${p.surgery!.cpt}). Anesthesia: general. Findings as expected; no complications. EBL minimal.`);
        b.treatment(surgeryModality, 'performed');
        d = addDays(d, rng.int(14, 21));
        const s0 = worse(score, scoreStep);
        score = better(s0, scoreStep * 2);
        d = ptCourse(d, rng.int(12, 24), ptNoMeasuresCourse !== 1, s0, score, nrs, nrs - 2);
        nrs = Math.max(3, nrs - 2);
      }
    }

    if (mmi === 'not_reached') {
      d = addDays(d, rng.int(14, 28));
      pcpVisit(d, { nrs, lim: true, planLines: () => [med('Continue', 0), `Surgery scheduled with ${surgeon.name}. Not at MMI; active treatment ongoing.`] });
      b.treatment(surgeryModality, 'planned');
    } else {
      // Medication optimisation, maybe a long unexplained gap, then the tail.
      if (wantGap5m) d = addDays(d, rng.int(160, 200)); else d = addDays(d, rng.int(21, 60));
      pcpVisit(d, { nrs, lim: true, patientLim: true, planLines: () => [med('Start', 1), med('Continue', 0)], extra: () => (singleLim ? [`- ${restriction(singleLim)}.`] : []) });
      if (prognosisAt) { b.line(`Prognosis: ${rng.pick(['guarded', 'fair for improvement, poor for return to heavy work', 'poor for full recovery'])}.`); b.hasPrognosis = true; }
      if (rng.chance(0.5)) {
        const pd = addDays(d, rng.int(10, 30));
        b.open(psych, pd);
        b.line(`Intake for pain-related distress. PHQ-9 ${rng.int(10, 16)}. Plan: CBT for chronic pain, 6 sessions.`);
        b.treatment('psychology');
        b.treatment('psychology', 'planned');
      }
      const hypotheticalNext = (): string => {
        const h = rng.pick([{ t: 'If symptoms worsen we would consider a spinal cord stimulator trial.', m: 'spinal_cord_stimulator' as const }, { t: 'Should pain escalate, a repeat MRI could be considered.', m: 'imaging_study' as const }]);
        return b.distract('hypothetical', h.t, { type: 'treatment', modality: h.m, date: b.date });
      };
      // "Seen for medication management" states that medications are being managed at this visit.
      const visitReason = (r: string): string => { if (r === 'medication management') b.treatment('medication', 'ongoing'); return r; };
      const flatNrs = nrs;
      const flatScore = score;
      const maintDates: string[] = [];
      const nMaint = rng.int(3, 5);
      for (let i = 0; i < nMaint; i++) {
        d = addDays(d, rng.int(75, 110));
        maintDates.push(d);
        const copy = i > 0 && rng.chance(0.6);
        b.open(pain, d);
        b.line(copy ? `${pt} ${person.last} returns for routine follow-up. No interval change. ${b.pain(flatNrs)} ${b.instrument(flatScore + (i % 2))}.` :
          `${pt} ${person.last} is seen for ${visitReason(rng.pick(['routine follow-up', 'medication management', 'scheduled follow-up']))} of ${b.fill(rng.pick(p.diagnoses))}. ${b.pain(flatNrs)} ${b.instrument(flatScore + (i % 2))}.`);
        b.line(`Exam: ${b.exam(1)}`);
        const stable = rng.pick(['Continue current management.', 'Continue current treatment plan.', 'Continue the current regimen; no changes.', 'Maintain current medications and home exercise.']);
        b.line(`Plan: ${stable} ${hypotheticalNext()} Restrictions: ${restriction(mainLim)}. RTC 3 months.`);
        b.plan('continue_current_management');
        // Only the wording that names medications and home exercise states them; "continue current management" does not.
        if (stable.startsWith('Maintain')) { b.treatment('medication', 'ongoing'); b.treatment('home_exercise', 'ongoing'); }
      }
      if (mmi === 'explicit') {
        const wordings = [
          'has reached maximum medical improvement',
          'is permanent and stationary',
          'is at MMI',
          'has plateaued and is deemed to have reached MMI',
        ];
        const byIme = rng.chance(0.35);
        d = addDays(d, rng.int(20, 60));
        const who = byIme ? ime : surgeon;
        b.open(who, d);
        b.line(byIme ? 'INDEPENDENT MEDICAL EXAMINATION. Records reviewed in full. Examination performed.' : 'PERMANENT AND STATIONARY REPORT.');
        b.line(`Exam: ${b.exam(2)}`);
        b.line(`In my opinion ${pt} ${person.last} ${rng.pick(wordings)} as of ${fmt(d)}.`);
        b.fact({ type: 'plan_signal', signal: 'no_further_treatment', date: d });
        b.line('No further active treatment is expected to change the outcome.');
        if (claimType === 'workers_comp' && rng.chance(0.75)) {
          const ue = rng.int(5, 15);
          b.line(`Impairment: ${ue}% upper extremity equals ${Math.round(ue * 0.6)}% whole person per the AMA Guides, 5th edition.`.replace('upper extremity', p.region === 'knee' ? 'lower extremity' : p.region === 'lumbar' || p.region === 'cervical' || p.region === 'widespread' ? 'DRE category' : 'upper extremity'));
          b.hasRating = true;
        }
        b.line(`Permanent restrictions: ${restriction(mainLim)}.`);
        if (who.treating) b.hasOpinion = true;
        // An examiner's MMI after a maintenance phase does not decide on its own: the treating pattern does (implied
        // from its first visit), and the examiner's date is a conflicting opinion.
        b.truthMmi = !who.treating && maintDates.length >= 2 ? { date: maintDates[0], by: pain.name, status: 'implied' } : { date: d, by: who.name };
      } else {
        b.truthMmi = { date: maintDates[0], by: pain.name };
      }
      if (wantFce) {
        // Functional capacity evaluation: a non-treating evaluator's measured limits.
        d = addDays(d, rng.int(10, 30));
        b.open(fce, d);
        b.line('Tests administered: material handling, positional tolerance, grip dynamometry. Effort: consistent (cross-checks within normal variance).');
        b.line(`Floor-to-waist lift: ${b.limitation('lift', 'provider', `${liftN} lb occasional`, liftN, 'lb')}. ${b.limitation(mainLim.activity, 'provider', cap(b.fill(rng.pick(mainLim.provider), { n: liftN, m: minutes })))}.`);
        b.line(`Overall: ${rng.pick(['sedentary', 'light', 'sedentary-light'])} physical demand level.`);
      }
      if (mss) {
        d = addDays(d, rng.int(10, 40));
        b.open(pcp, d);
        b.line('MEDICAL SOURCE STATEMENT — PHYSICAL');
        // "Lift/carry" and "Stand/walk" each state two activities.
        b.limitation('carry', 'provider', '', liftN, 'lb');
        b.line(`Lift/carry: ${b.limitation('lift', 'provider', `occasionally ${liftN} lb, frequently less than 10 lb`, liftN, 'lb')}.`);
        b.limitation('walk', 'provider', '');
        b.line(`Sit: ${b.limitation('sit', 'provider', 'about 2 hours total in an 8-hour day')}. Stand/walk: ${b.limitation('stand', 'provider', 'less than 2 hours total')}.`);
        b.line('Will need to lie down during the day; absent more than 3 days per month.');
        b.hasOpinion = true;
      }
    }
    if (rng.chance(0.5)) {
      b.open(pcp, addDays(onset, rng.int(60, 300)), false);
      b.line(`Acute visit: cough, myalgias and fever x 2 days. Rapid influenza A positive. Oseltamivir 75 mg BID x 5 days. Return if short of breath.`);
      b.treatment('medication');
    }
  }

  // Pad with more routine visits when a page count is requested (each note is one page).
  const target = opts.pages ?? 0;
  let padDate = b.notes.filter((n) => n.relevant).map((n) => n.date).sort().at(-1)!;
  while (b.notes.length < target) {
    padDate = addDays(padDate, rng.int(3, 9));
    b.open(ptp, padDate, true);
    b.line(`Maintenance exercise session. Pt tolerated tx well. [x] Ther ex  [x] Gait training`);
    b.treatment('physical_therapy');
  }
  return finish(b, { opts, claimType, onset, mmi, p, person, pcp, wantGap5m });
}

const EXPLAINING_PLANS = new Set(['maintenance_care', 'continue_current_management', 'follow_up_prn', 'no_further_treatment']);

interface FinishCtx { opts: CaseOptions; claimType: ClaimType; onset: string; mmi: MmiKind; p: Pathway; person: Person; pcp: Provider; wantGap5m: boolean }

function finish(b: CaseBuilder, c: FinishCtx): GeneratedCase {
  const rng = b.rng;
  const relevant = b.notes.filter((n) => n.relevant).map((n) => n.date).sort();
  const last = relevant.at(-1)!;
  const dli = c.claimType === 'ssdi' ? (rng.chance(0.2) ? addDays(c.onset, rng.int(20, 60)) : addDays(c.onset, rng.int(900, 1500))) : undefined;

  // Expected gap rules, by the definitions documented in src/synth/README.md.
  const gaps = new Set<string>();
  if (b.ptCourses.some((x) => !x.hasMeasures)) gaps.add('pt-without-functional-measures');
  if (b.injections.some((x) => !x.withDuration)) gaps.add('injection-without-relief-duration');
  // Limitations stated in the claim period (onset to the last visit, or the profile's lookback) are checked:
  // one visit or one provider over that period is single-source (the same definition as src/analyze/floor.ts).
  const lookback = profileFor(c.claimType).params.floorLookbackMonths;
  const floorSince = lookback !== undefined ? addDays(last, -Math.round(lookback * DAYS_PER_MONTH)) : c.onset;
  for (const v of b.limitationsSeen.values()) {
    const inPeriod = [...v.visits].some((d) => d >= floorSince);
    if (inPeriod && (v.providers.size < 2 || v.visits.size < 2)) gaps.add('limitation-single-source');
  }
  if (!b.hasOpinion) gaps.add('no-treating-source-opinion');
  if (c.mmi === 'implied' || b.truthMmi?.status === 'implied') gaps.add('mmi-implied-not-stated');
  if (b.limitationsSeen.size > 0 && !b.hasAbnormalTest && !b.hasAbnormalSign) gaps.add('limitation-without-objective-finding');
  // A gap longer than the claim profile's threshold, unless the visit before it set sparse follow-up or MMI had been reached.
  const gapDays = profileFor(c.claimType).params.treatmentGapDays;
  const explained = new Set(b.facts.filter((f) => f.type === 'plan_signal' && EXPLAINING_PLANS.has(f.signal)).map((f) => f.date));
  for (let i = 1; i < relevant.length; i++) {
    const [a, z] = [relevant[i - 1], relevant[i]];
    if (daysBetween(a, z) > gapDays && !explained.has(a) && !(b.truthMmi && b.truthMmi.date <= a)) gaps.add('unexplained-treatment-gap');
  }
  if ((c.claimType === 'ssdi' || c.claimType === 'ssi') && daysBetween(c.onset, last) < 365) gaps.add('duration-not-shown');
  if (!b.hasPrognosis) gaps.add('no-prognosis');
  if (c.claimType === 'workers_comp' && (c.mmi === 'explicit' || c.mmi === 'implied') && !b.hasRating) gaps.add('impairment-rating-missing');
  if (dli && relevant.filter((x) => x <= dli).length < 3) gaps.add('evidence-before-dli-thin');

  // Files: one per provider organisation, SSA-style exhibit labels in order of first appearance.
  const byOrg = new Map<string, Note[]>();
  for (const n of [...b.notes].sort((x, y) => x.date.localeCompare(y.date))) {
    const list = byOrg.get(n.provider.org) ?? [];
    list.push(n); byOrg.set(n.provider.org, list);
  }
  const files: GeneratedCase['files'] = [];
  let ex = 1;
  for (const [org, notes] of byOrg) {
    const scanned = rng.chance(0.25);
    const pages = notes.map((n, i) => {
      // Scanned-looking exhibits carry a fax banner and a smudged letterhead; the noise stays off lines that state facts.
      const banner = scanned ? ocrNoise(`FAX FROM ${org.toUpperCase()}  ${notes.length > 1 ? `P. ${i + 1}/${notes.length}` : 'P. 1'}  RECEIVED\n`, rng, 0.2) : '';
      const header = renderHeader(n, c.person);
      const firstLine = header.slice(0, header.indexOf('\n'));
      const noisyHeader = scanned ? ocrNoise(firstLine, rng, 0.15) + header.slice(firstLine.length) : header;
      return banner + noisyHeader + n.body.join('\n') + `\n\nElectronically signed: ${n.provider.name}, ${n.provider.credential}\n`;
    });
    files.push({ name: `${ex}F - ${org}.txt`, pages });
    ex++;
  }
  if (rng.chance(0.2) && files.length > 0) {
    // A duplicated exhibit, as happens when the same records arrive twice.
    const dup = files[rng.int(0, files.length - 1)];
    files.push({ name: `${ex}F - ${dup.name.replace(/^\d+F - /, '')}`, pages: dup.pages });
  }

  const truthMmi = b.truthMmi;
  const modalities = summariseModalities(b.facts);
  const limitations = [...b.limitationsSeen.entries()].map(([activity, v]) => ({
    activity: activity as 'lift', limit: v.limit, unit: v.unit, sources: [...v.sources], providers: [...v.providers],
    consistency: (v.visits.size < 2 ? 'single_visit' : v.providers.size < 2 ? 'single_provider' : 'corroborated') as 'corroborated',
  }));
  // Drop distractor facts that collide with a true fact of the same key (same modality within a week).
  const distractors = b.distractors.map((x) => {
    if (!x.fact || x.fact.type !== 'treatment') return x;
    const f = x.fact;
    const clash = b.facts.some((t) => t.type === 'treatment' && t.modality === f.modality && Math.abs(daysBetween(t.date, f.date)) <= 7);
    return clash ? { kind: x.kind, text: x.text } : x;
  });
  return {
    id: c.opts.id,
    files,
    truth: {
      case: c.opts.id,
      pathway: c.p.id,
      claim: { type: c.claimType, onset: c.onset, ...(dli ? { dli } : {}) },
      mmi: c.mmi === 'explicit' || c.mmi === 'implied'
        ? { status: truthMmi!.status ?? c.mmi, date: truthMmi!.date, toleranceDays: (truthMmi!.status ?? c.mmi) === 'explicit' ? 7 : 60, statedBy: truthMmi!.by }
        : { status: c.mmi, toleranceDays: 30 },
      modalities,
      limitations,
      // Only the rules the claim's profile runs are expected of it.
      gaps: [...gaps].filter((id) => profileFor(c.claimType).rules.includes(id)).sort(),
      facts: b.facts,
      factsComplete: true,
      distractors,
    },
  };
}

function renderHeader(n: Note, person: Person): string {
  const d = formatDate(n.date, n.provider.dateStyle);
  const pr = `${n.provider.name}, ${n.provider.credential}`;
  const pat = `${person.last.toUpperCase()}, ${person.first}   DOB: ${formatDate(person.dob, n.provider.dateStyle)}`;
  switch (n.provider.voice) {
    case 'soap': return `${n.provider.org.toUpperCase()}\nPatient: ${pat}\nDate of Service: ${d}\nProvider: ${pr}\n\n`;
    case 'flowsheet': return `${n.provider.org}\nPt: ${pat}\nDOS: ${d}   Therapist: ${pr}\n\n`;
    case 'radiology': return `${n.provider.org.toUpperCase()}\nRADIOLOGY REPORT\nPatient: ${pat}\nDate of Exam: ${d}\nRadiologist: ${pr}\n\n`;
    case 'emg': return `${n.provider.org}\nELECTRODIAGNOSTIC REPORT (EMG/NCS)\nPatient: ${pat}\nDate of Study: ${d}\nPhysician: ${pr}\n\n`;
    case 'narrative': return `${n.provider.org}\nPatient: ${pat}\nDate of Visit: ${d}\nAttending: ${pr}\n\n`;
    case 'letter': return `${n.provider.org}\n${d}\nRE: ${person.first} ${person.last}, DOB ${formatDate(person.dob, n.provider.dateStyle)}\nDate of Service: ${d}\nFrom: ${pr}\n\n`;
    case 'ime': return `${n.provider.org}\nINDEPENDENT MEDICAL EVALUATION\nExaminee: ${pat}\nDate of Examination: ${d}\nExaminer: ${pr}\n\n`;
    case 'fce': return `${n.provider.org}\nFUNCTIONAL CAPACITY EVALUATION\nEvaluee: ${pat}\nDate of Evaluation: ${d}\nEvaluator: ${pr}\n\n`;
    case 'mss': case 'psych': return `${n.provider.org}\nClient: ${pat}\nDate of Service: ${d}\nClinician: ${pr}\n\n`;
    case 'ed': return `${n.provider.org.toUpperCase()}\nEMERGENCY DEPARTMENT RECORD\nPatient: ${pat}\nArrival: ${d}\nED Provider: ${pr}\n\n`;
    case 'dental': return `${n.provider.org}\nPatient: ${pat}\nVisit Date: ${d}\nDentist: ${pr}\n\n`;
  }
}

/** Per-modality first/last dates and session counts from the facts that were written. */
function summariseModalities(facts: TruthFact[]): TruthInput['modalities'] {
  const out = new Map<string, { first: string; last: string; sessions: number; statuses: Set<string> }>();
  for (const f of facts) {
    if (f.type !== 'treatment') continue;
    const m = out.get(f.modality) ?? { first: f.date, last: f.date, sessions: 0, statuses: new Set() };
    if (f.date < m.first) m.first = f.date;
    if (f.date > m.last) m.last = f.date;
    if (f.status === 'performed' || f.status === 'completed') m.sessions++;
    m.statuses.add(f.status ?? 'performed');
    out.set(f.modality, m);
  }
  return [...out.entries()].map(([modality, m]) => ({
    modality: modality as 'medication', firstDate: m.first, lastDate: m.last, sessions: m.sessions,
    status: m.statuses.has('declined') && m.sessions === 0 ? 'declined' : m.sessions === 0 ? 'recommended' : m.statuses.has('ongoing') ? 'ongoing' : 'completed',
    outcome: 'unknown' as const, providers: [],
  }));
}
