import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCase } from '../src/analyze/index.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { textDoc } from './helpers/extract-doc.js';
import { RULES } from '../src/analyze/gaps/index.js';
import { FUTURE_CARE_TRIGGER } from '../src/model/index.js';
import { statesWorsening } from '../src/analyze/gaps/rules/imaging-not-current.js';
import { PROFILES, profileFor } from '../src/profiles/index.js';
import { buildContext } from '../src/analyze/case-context.js';
import { buildTimeline } from '../src/analyze/timeline.js';
import { assessMmi } from '../src/analyze/mmi.js';
import { buildFloor } from '../src/analyze/floor.js';
import { buildTrajectory } from '../src/analyze/trajectory.js';
import { buildDuration } from '../src/analyze/duration.js';
import { analyzeBilling } from '../src/analyze/billing.js';
import type { Claim } from '../src/model/index.js';
import { CaseBuilder, chronicLumbarCase, DC_OLSEN, DR_KIM, DR_LEE, DR_PATEL, PT_RIVERA, type ProviderSpec } from './helpers/facts.js';
import { expectValidCitations } from './helpers/citations.js';

interface Case { name: string; claim?: Claim; build: () => CaseBuilder }

/**
 * The gaps one rule raises on a case, as its check sees the finished analysis. Requests to the same person are
 * merged in the report, so the rule is run on its own here; the whole analysis is also built and its citations checked.
 */
function gapsOf(c: Case, ruleId: string) {
  const b = c.build();
  const input = b.input(c.claim ?? { type: 'general' });
  const a = analyzeCase(input);
  expectValidCitations(a, b.documents());
  const rule = RULES.find((r) => r.meta.id === ruleId)!;
  const ctx = buildContext(input.claim, profileFor(input.claim.type), input.encounters, input.facts);
  const mmi = assessMmi(ctx);
  const floor = buildFloor(ctx);
  const gaps = rule.check({ ...ctx, timeline: buildTimeline(ctx), mmi, floor, trajectory: buildTrajectory(ctx), duration: buildDuration(ctx, mmi, floor), billing: analyzeBilling(input.encounters), documents: input.documents });
  expectValidCitations(gaps, b.documents());
  return gaps;
}

const ptCourse = (withScores: boolean) => () => {
  const b = new CaseBuilder().visit('2024-01-05', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT eval; ther ex initiated.');
  if (withScores) b.fact('outcome_measure', { instrument: 'ODI', value: 44, max: 100 }, 'ODI 44%.');
  b.visit('2024-02-20', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'completed', sessions: 12 }, 'D/C from PT after 12 visits.');
  if (withScores) b.fact('outcome_measure', { instrument: 'ODI', value: 40, max: 100 }, 'ODI 40%.');
  else b.fact('outcome_measure', { instrument: 'NRS', value: 6, max: 10 }, 'Pain 6/10.');
  return b;
};

/** PT scored at the evaluation and at visit 15, discharged two weeks later; or seen once and discharged for no-shows. */
const ptRescored = (kind: 'rescored-before-discharge' | 'evaluation-only') => () => {
  const b = new CaseBuilder().visit('2023-02-22', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT evaluation.')
    .fact('outcome_measure', { instrument: 'ODI', value: 52, max: 100 }, 'ODI 26/50 = 52%.');
  if (kind === 'rescored-before-discharge') {
    b.visit('2023-04-12', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Visit 15: ther ex.')
      .fact('outcome_measure', { instrument: 'ODI', value: 40, max: 100 }, 'ODI 40%.')
      .visit('2023-04-28', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'completed', sessions: 16 }, 'Discharged from PT after 16 visits; plateau.');
  } else {
    b.visit('2023-07-11', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'discontinued', sessions: 1 }, 'Discharged per 30-day inactivity policy; visits attended: 1.');
  }
  return b;
};

const injections = (withBenefit: boolean | 'duration-only' | 'percent-only') => () => {
  const b = new CaseBuilder().visit('2024-01-05', { ...DR_LEE, kind: 'procedure_note' })
    .fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'L4-5 ILESI performed.')
    .visit('2024-02-05', DR_LEE);
  if (withBenefit === 'duration-only') b.fact('benefit', { durationDays: 21, modality: 'epidural_injection' }, 'Injection helped night pain for about 3 weeks.');
  else if (withBenefit === 'percent-only') b.fact('benefit', { percentRelief: 50, modality: 'epidural_injection' }, 'Injection helped about 50%.');
  else if (withBenefit) b.fact('benefit', { percentRelief: 50, durationDays: 21, modality: 'epidural_injection' }, '50% relief x 3 weeks.');
  else b.fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Low back pain 7/10.');
  return b;
};

/** A series (staged comparative blocks, a viscosupplement course), its response reported once, weeks after the last injection. */
const injectionSeries = (reported: boolean, modality: 'medial_branch_block' | 'joint_injection' = 'medial_branch_block') => () => {
  const b = new CaseBuilder();
  for (const [d, n] of [['2023-08-16', 1], ['2023-08-23', 2], ['2023-08-30', 3]] as const) {
    b.visit(d, { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality, status: 'performed' },
      modality === 'joint_injection' ? `Right knee Orthovisc injection #${n} of 3.` : `Right L4-5 medial branch block #${n} of 3.`);
  }
  b.visit('2023-11-15', DR_LEE);
  if (reported) b.fact('benefit', { percentRelief: 20, durationDays: 21 }, 'She estimates 20 percent improvement that lasted about 3 weeks.');
  else b.fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Right knee pain 7/10.');
  return b;
};

/** A pain diary handed out with the injection; the relief is summarised later, the diary returned or not. */
const diary = (returned: boolean) => () => new CaseBuilder().visit('2024-01-05', { ...DR_LEE, kind: 'procedure_note' })
  .fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'C6-7 interlaminar ESI performed.')
  .fact('plan_signal', { signal: 'diary_issued' }, 'Discharged with written instructions and pain diary.')
  .visit('2024-01-31', DR_LEE)
  .fact('benefit', { percentRelief: 40, durationDays: 12, modality: 'epidural_injection' }, returned ? 'Pain diary: about 40% relief from day 2 to about day 14.' : 'She recalls about 40% relief for 12 days.')
  .fact('plan_signal', { signal: returned ? 'diary_reported' : 'return_to_clinic' }, returned ? 'Pain diary: about 40% relief' : 'RTC 4 weeks.');

const consult = (then: 'nothing' | 'declined-no-reason' | 'declined-with-reason' | 'not-candidate') => () => {
  const b = new CaseBuilder().visit('2024-01-05', { ...DR_KIM, kind: 'consultation' })
    .fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'Neurosurgical consultation for lumbar stenosis.');
  if (then === 'declined-no-reason') b.fact('plan_signal', { signal: 'surgery_declined' }, 'Pt does not wish to proceed with surgery.');
  if (then === 'declined-with-reason') b.fact('treatment', { modality: 'surgery', status: 'declined', reasonStopped: 'cardiac risk' }, 'Declines decompression given cardiac risk.');
  if (then === 'not-candidate') b.fact('plan_signal', { signal: 'not_surgical_candidate' }, 'Not a surgical candidate; findings do not correlate.');
  return b;
};

const limits = (providers: number, visits: number) => () => {
  const b = new CaseBuilder();
  const who = [DR_LEE, DR_PATEL];
  for (let i = 0; i < visits; i++) {
    b.visit(`2024-0${i + 1}-10`, who[i % providers])
      .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, `Visit ${i + 1}: lifting limited to 10 lb.`)
      .fact('objective_finding', { category: 'exam', finding: 'positive_slr', label: 'positive SLR', abnormal: true }, 'SLR positive on the right.');
  }
  return b;
};

const visitGap = (explained: boolean) => () => new CaseBuilder()
  .visit('2023-01-10', DR_PATEL)
  .fact('plan_signal', explained ? { signal: 'follow_up_prn' } : { signal: 'return_to_clinic' }, explained ? 'Symptoms at plateau; follow up as needed.' : 'RTC 4 weeks.')
  .visit('2023-09-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.');


const ED_DOC = { name: 'Dr. Ruiz', credential: 'MD', specialty: 'emergency' as const, kind: 'emergency_visit' as const };
const IME_DOC = { name: 'Dr. Voss', credential: 'MD', specialty: 'ime' as const, kind: 'ime' as const };
const THERAPIST = { name: 'Ana Rivera', credential: 'DPT', specialty: 'physical_therapy' as const, kind: 'pt_progress' as const };

/** Lifting restrictions from the treating physician over seven months, optionally with an FCE quoted. */
const restrictions = (fce: 'none' | 'report' | 'quoted') => () => {
  const b = new CaseBuilder();
  for (const d of ['2023-11-10', '2023-12-10']) b.visit(d, DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 6, max: 10 }, 'Pain 6/10.');
  b.visit('2024-01-10', DR_PATEL)
    .fact('limitation', { activity: 'lift', limit: 20, unit: 'lb', source: 'provider', text: 'lift 20 lb' }, 'Restrictions: no lifting over 20 lb.')
    .visit('2024-08-10', DR_PATEL)
    .fact('limitation', { activity: 'lift', limit: 20, unit: 'lb', source: 'provider', text: 'lift 20 lb' }, 'Continue restrictions: no lifting over 20 lb.')
    .fact('mmi_statement', { kind: 'mmi' }, 'He has reached maximum medical improvement.');
  if (fce === 'quoted') b.fact('limitation', { activity: 'carry', limit: 20, unit: 'lb', source: 'provider', text: 'carry 20 lb' }, 'Per FCE of 07/01/2024: carry 20 lb occasionally.');
  if (fce === 'report') b.visit('2024-07-01', { name: 'Jo Park', credential: 'PT', specialty: 'fce', kind: 'fce' })
    .fact('limitation', { activity: 'lift', limit: 20, unit: 'lb', source: 'provider', text: 'lift 20 lb' }, 'Lift floor to waist 20 lb occasionally.');
  return b;
};

/** Treating visits over eight months; an examiner states MMI, the treating physician never does. */
const mmiByExaminerOnly = (treatingSays: boolean) => () => {
  const b = new CaseBuilder();
  for (const d of ['2023-01-10', '2023-03-10', '2023-05-10', '2023-08-10']) {
    b.visit(d, DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 6, max: 10 }, 'Pain 6/10.');
  }
  if (treatingSays) b.fact('mmi_statement', { kind: 'mmi' }, 'She has reached maximum medical improvement.');
  b.visit('2023-09-01', IME_DOC).fact('mmi_statement', { kind: 'mmi' }, 'The examinee is at MMI.');
  return b;
};

const mentalHealth = (evaluated: boolean) => () => {
  const b = new CaseBuilder().visit('2024-02-01', DR_PATEL)
    .fact('diagnosis', { name: 'Adjustment disorder with depressed mood', code: 'F43.21' }, 'Adjustment disorder with depressed mood (F43.21).')
    .fact('treatment', { modality: 'psychology', status: 'declined' }, 'Declines counseling referral for now.');
  if (evaluated) b.visit('2024-03-01', { name: 'Dr. Hale', credential: 'PsyD', specialty: 'psychology' })
    .fact('diagnosis', { name: 'Adjustment disorder with depressed mood', code: 'F43.21' }, 'Diagnosis: adjustment disorder with depressed mood.');
  return b;
};

const imagingMention = (withReport: boolean, read = 'CT cervical spine: no fracture; C5-6 disc osteophyte complex.') => () => {
  const b = new CaseBuilder().visit('2024-01-05', ED_DOC)
    .fact('treatment', { modality: 'imaging_study', subtype: 'CT', status: 'performed' }, read);
  if (withReport) b.file('ct.txt').visit('2024-01-05', { name: 'Dr. Lind', credential: 'MD', specialty: 'radiology', kind: 'imaging' })
    .fact('objective_finding', { category: 'imaging', finding: 'normal', label: 'no fracture', abnormal: false }, 'IMPRESSION: No acute fracture.');
  return b;
};

/** "MRI brain 09/2022 without acute findings" in a later note, the MRI report of 09/28/2022 in the file. */
const monthDatedMri = () => new CaseBuilder().visit('2022-09-28', { name: 'Dr. Lind', credential: 'MD', specialty: 'radiology', kind: 'imaging' })
  .fact('objective_finding', { category: 'imaging', finding: 'normal', label: 'no lesion', abnormal: false }, 'IMPRESSION: Normal MRI of the brain.')
  .file('ed.txt').visit('2022-12-03', ED_DOC)
  .fact('treatment', { modality: 'imaging_study', subtype: 'MRI', status: 'performed' }, 'Similar to prior attacks; MRI brain 09/2022 reviewed, mild white matter signal.', { date: '2022-09-01' });

/** X-rays taken and read at the orthopaedic visit itself: the note is the interpretation. */
const reviewedMri = (reported: string) => () => new CaseBuilder().file('mri.txt').visit(reported, { name: 'Dr. Lind', credential: 'MD', specialty: 'radiology', kind: 'imaging' })
  .fact('objective_finding', { category: 'imaging', finding: 'disc_herniation', label: 'C5-6 disc herniation', abnormal: true }, 'IMPRESSION: Left paracentral C5-6 disc herniation.')
  .file('notes.txt').visit('2023-04-03', { ...DR_KIM, specialty: 'occupational_medicine' as const })
  .fact('treatment', { modality: 'imaging_study', subtype: 'MRI', status: 'performed' }, '04/03/2023 FOLLOW-UP - MRI REVIEW: C5-6 disc herniation shown.', { date: '2023-04-03' });
const officeXrays = () => new CaseBuilder().visit('2023-04-05', DR_KIM)
  .fact('treatment', { modality: 'imaging_study', subtype: 'x-ray', status: 'performed' }, 'RADIOGRAPHS (obtained today, standing AP, Rosenberg, lateral and Merchant views, personally reviewed): medial joint space narrowing.');

const staleImaging = (recent: boolean) => () => {
  const b = new CaseBuilder().file('mri.txt').visit('2022-01-05', { name: 'Dr. Lind', credential: 'MD', specialty: 'radiology', kind: 'imaging' })
    .fact('objective_finding', { category: 'imaging', finding: 'disc_herniation', label: 'L5-S1 disc herniation', abnormal: true }, 'L5-S1 disc herniation.')
    .file('notes.txt');
  for (const d of ['2022-02-01', '2022-09-01', '2023-03-01', '2023-06-01']) b.visit(d, DR_LEE).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.');
  if (recent) b.file('mri2.txt').visit('2023-05-01', { name: 'Dr. Lind', credential: 'MD', specialty: 'radiology', kind: 'imaging' })
    .fact('objective_finding', { category: 'imaging', finding: 'disc_herniation', label: 'L5-S1 disc herniation', abnormal: true }, 'Stable L5-S1 disc herniation.');
  return b;
};

/** The same record in a systemic claim: three diagnoses that name no body region (multiple sclerosis). */
const systemic = (build: () => CaseBuilder) => () => {
  const b = build().file('neuro.txt');
  for (const d of ['2022-03-01', '2023-01-10', '2023-06-02']) b.visit(d, DR_PATEL).fact('diagnosis', { name: 'Multiple sclerosis', code: 'G35' }, 'Relapsing-remitting multiple sclerosis (G35).');
  return b;
};

const referral = (seen: boolean) => () => {
  const b = new CaseBuilder().visit('2024-01-10', DR_PATEL)
    .fact('plan_signal', { signal: 'referral', target: 'neurosurgery' }, 'Referral to neurosurgery for surgical opinion.')
    .visit('2024-04-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.');
  if (seen) b.visit('2024-02-20', { ...DR_KIM, specialty: 'neurosurgery', kind: 'consultation' })
    .fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'Neurosurgical consultation for cervical radiculopathy.');
  return b;
};

const cane = (prescribed: boolean) => () => new CaseBuilder()
  .visit('2024-01-10', DR_PATEL).fact('treatment', { modality: 'assistive_device', subtype: 'cane', status: 'ongoing' }, 'Walks with a cane outdoors.')
  .visit('2024-04-10', DR_PATEL).fact('treatment', { modality: 'assistive_device', subtype: 'cane', status: 'ongoing' },
    prescribed ? 'Cane prescribed; medically necessary for balance on uneven ground.' : 'Uses the cane in the community.');

const ratings = (same: boolean) => () => new CaseBuilder()
  .visit('2024-01-10', DR_KIM).fact('mmi_statement', { kind: 'mmi' }, 'She is at MMI today.')
  .fact('impairment_rating', { percent: 12, basis: 'whole_person', guidesEdition: '5th' }, 'Impairment: 12% whole person (AMA Guides 5th ed.).')
  .visit('2024-03-10', IME_DOC).fact('mmi_statement', { kind: 'mmi' }, 'The examinee is at MMI.')
  .fact('impairment_rating', { percent: same ? 12 : 5, basis: 'whole_person', guidesEdition: '5th' }, `Impairment: ${same ? 12 : 5}% whole person (AMA Guides 5th ed.).`);

const nonAdherence = (reason: boolean) => () => new CaseBuilder().visit('2024-01-10', DR_PATEL)
  .fact('treatment', { modality: 'medication', drug: 'gabapentin', status: 'discontinued' },
    reason ? 'Ran out of gabapentin; cannot afford the copay.' : 'Ran out of gabapentin.')
  .visit('2024-03-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.');

const declined = (sentence: string, who: ProviderSpec = DR_LEE) => () => new CaseBuilder().visit('2024-01-10', who)
  .fact('treatment', { modality: 'medial_branch_block', status: 'declined' }, sentence)
  .visit('2024-03-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.');

const examinerMmi = (answered: boolean) => {
  const b = new CaseBuilder().visit('2023-02-01', DR_KIM).fact('mmi_statement', { kind: 'not_at_mmi' }, 'Not at MMI; continue PT.')
    .visit('2023-02-15', { ...IME_DOC, name: 'Roderick A. Blanchard' }).fact('mmi_statement', { kind: 'mmi' }, 'The worker is medically stationary as of today.');
  if (answered) b.visit('2023-03-01', DR_KIM).fact('plan_signal', { signal: 'return_to_clinic' }, 'I have reviewed and disagree with Dr. Blanchard\'s 02/15/2023 date; he was still improving in PT.');
  return b;
};

const authorization = (answered: boolean) => () => {
  const b = new CaseBuilder().visit('2024-01-10', DR_PATEL)
    .fact('treatment', { modality: 'imaging_study', subtype: 'MRI', status: 'planned' }, 'MRI lumbar spine ordered; prior authorization submitted.')
    .visit('2024-03-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.');
  if (answered) b.file('mri.txt').visit('2024-02-01', { name: 'Dr. Lind', credential: 'MD', specialty: 'radiology', kind: 'imaging' })
    .fact('objective_finding', { category: 'imaging', finding: 'disc_herniation', label: 'L4-5 disc herniation', abnormal: true }, 'L4-5 disc herniation.');
  return b;
};

/** An IME report dated `reportDate` and the examiner's bill for `billedDate`. */
const billedExam = (reportDate: string, billedDate: string) => () => new CaseBuilder().file('ime.txt')
  .visit(reportDate, { name: 'Dr. Stone', credential: 'MD', specialty: 'ime', kind: 'ime', documentRole: 'examining' })
  .fact('mmi_statement', { kind: 'mmi' }, 'She has reached maximum medical improvement.')
  .file('ledger.csv').bill(billedDate, 'Midwest Medical Evaluations', [{ code: 'IME', charge: 2400 }]);

const surgeryMention = (withReport: boolean, thatDay?: 'office_visit' | 'unknown') => () => {
  const b = new CaseBuilder().visit('2024-04-01', DR_PATEL)
    .fact('treatment', { modality: 'surgery', status: 'performed' }, 'She is s/p ACDF C5-C7 on 03/08/2024 and is walking better.', { date: '2024-03-08' });
  if (withReport) b.file('op.txt').visit('2024-03-08', { ...DR_KIM, kind: 'operative_report' })
    .fact('treatment', { modality: 'surgery', subtype: 'ACDF', status: 'performed' }, 'Anterior cervical discectomy and fusion C5-C7 performed.');
  // An office visit that day dates the mention ("s/p ACDF, stable per neurosurgery 03/08/2024"); a hospital stay does not.
  if (thatDay) b.file('other.txt').visit('2024-03-08', { ...DR_KIM, kind: thatDay }).fact('plan_signal', { signal: 'return_to_clinic' }, 'Return in 6 months.');
  return b;
};

const therapyCourse = (dailyNotes: boolean) => () => {
  const b = new CaseBuilder().file('pt.txt')
    .visit('2024-01-05', { ...THERAPIST, kind: 'pt_evaluation' }).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT evaluation; plan 2x/week.');
  if (dailyNotes) for (const d of ['2024-01-08', '2024-01-12', '2024-01-15', '2024-01-19', '2024-01-22', '2024-01-26', '2024-01-29', '2024-02-02']) {
    b.visit(d, THERAPIST).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Ther ex and manual therapy; tolerated well.');
  }
  b.visit('2024-02-09', { ...THERAPIST, kind: 'pt_discharge' })
    .fact('treatment', { modality: 'physical_therapy', status: 'completed', sessions: 10 }, 'Discharged after 10 visits.');
  return b;
};

/** A documented course whose ledger also bills four later visits that have no note. */
const billedTail = () => () => {
  const b = therapyCourse(true)();
  b.file('ledger.csv');
  for (const d of ['2024-02-12', '2024-02-14', '2024-02-16', '2024-02-19']) b.bill(d, 'Bayfront Rehab', [{ code: '97110', charge: 260 }], 'physical_therapy');
  b.file('pt2.txt').visit('2024-02-21', { ...THERAPIST, kind: 'pt_discharge' }).fact('treatment', { modality: 'physical_therapy', status: 'completed', sessions: 14 }, 'Discharged after 14 visits.');
  return b;
};

const lastPlan = (followed: boolean) => () => {
  const b = new CaseBuilder().visit('2024-01-10', DR_LEE).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.')
    .visit('2024-03-10', DR_LEE)
    .fact('treatment', { modality: 'medication', drug: 'duloxetine', doseChange: 'started', status: 'ongoing' }, 'Start duloxetine 30 mg daily.');
  if (followed) b.visit('2024-05-10', DR_LEE).fact('treatment', { modality: 'medication', drug: 'duloxetine', doseChange: 'continued', status: 'ongoing' }, 'Duloxetine helping; continue.');
  return b;
};

const injuryCase = (priorVisit: boolean) => () => {
  const b = new CaseBuilder();
  if (priorVisit) b.visit('2021-05-01', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 0, max: 10 }, 'No neck pain; annual physical.');
  return b.visit('2022-03-20', DR_PATEL).fact('work_status', { status: 'off_work' }, 'Off work until 04/01/2022.')
    .visit('2022-05-20', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 5, max: 10 }, 'Neck pain 5/10.');
};

/** An emergency visit after a rear-end collision, then the family doctor; the police report filed or not. */
const collision = (reportFiled: boolean) => () => {
  const b = new CaseBuilder();
  if (reportFiled) b.file('Police_Crash_Report_2022-03-14.txt').visit('2022-03-14', { name: 'Officer Dale', specialty: 'unknown' }).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Driver 2 complained of neck pain 7/10.');
  return b.file('ed.txt').visit('2022-03-14', ED_DOC).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Rear-ended at a red light; neck pain 7/10.')
    .file('pcp.txt').visit('2022-03-20', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 5, max: 10 }, 'Neck pain 5/10.');
};
const PI = { type: 'personal_injury' as const, onset: '2022-03-14' };

const currentCare = (current: boolean) => () => {
  const b = new CaseBuilder().visit('2023-01-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 6, max: 10 }, 'Pain 6/10.')
    .visit('2023-02-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 6, max: 10 }, 'Pain 6/10.');
  if (current) b.visit('2023-10-01', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 6, max: 10 }, 'Pain 6/10.');
  return b.visit('2023-10-20', ED_DOC).fact('outcome_measure', { instrument: 'NRS', value: 9, max: 10 }, 'Back pain 9/10 in the ED.');
};

const dischargedAtMmi = () => currentCare(false)().visit('2023-02-10', DR_PATEL)
  .fact('mmi_statement', { kind: 'mmi', mmiDate: '2023-02-10' }, 'He has reached maximum medical improvement as of today.');

const pendingReport = (arrived: boolean) => () => {
  const b = new CaseBuilder().visit('2024-01-10', DR_PATEL)
    .fact('treatment', { modality: 'imaging_study', subtype: 'EMG', status: 'performed' }, 'EMG/NCS done 01/05; report pending.')
    .visit('2024-04-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 6, max: 10 }, 'Pain 6/10.');
  if (arrived) b.file('emg.txt').visit('2024-01-05', { name: 'Dr. Ortiz', credential: 'MD', specialty: 'neurology', kind: 'emg' })
    .fact('objective_finding', { category: 'electrodiagnostic', finding: 'cts', label: 'mild carpal tunnel syndrome', abnormal: true }, 'Mild right carpal tunnel syndrome.');
  return b;
};

const NEW_RULE_TABLE: Record<string, { valid: Case[]; invalid: Case[] }> = {
  'no-current-treating-source': {
    valid: [
      { name: 'treating visit shortly before the ED visit', build: currentCare(true) },
      { name: 'care ended when the treating doctor declared MMI (workers\' comp)', claim: { type: 'workers_comp' }, build: dischargedAtMmi },
    ],
    invalid: [
      { name: 'only an ED visit in the last eight months', build: currentCare(false) },
      { name: 'declared MMI, then nothing current (SSA still needs current evidence)', claim: { type: 'ssdi' }, build: dischargedAtMmi },
    ],
  },
  'requested-report-not-received': {
    valid: [{ name: 'the EMG report is in the file', build: pendingReport(true) }],
    invalid: [{ name: 'report pending, never filed', build: pendingReport(false) }],
  },
  'no-functional-capacity-evaluation': {
    valid: [
      { name: 'FCE report in the file', build: restrictions('report') },
      { name: 'a week-long post-op restriction', build: () => new CaseBuilder().visit('2024-01-10', DR_KIM).fact('limitation', { activity: 'lift', limit: 5, unit: 'lb', source: 'provider', text: 'lift 5 lb' }, 'No lifting over 5 lb x 2 weeks.') },
      { name: 'lasting restrictions while treatment continues (MMI not reached)', build: () => restrictions('none')().visit('2024-08-20', DR_PATEL)
        .fact('mmi_statement', { kind: 'not_at_mmi' }, 'He is not at MMI; lumbar fusion is scheduled.') },
      { name: 'a systemic SSDI claim: the treating source\'s opinion, not a lifting test, measures it', claim: { type: 'ssdi' }, build: systemic(restrictions('none')) },
    ],
    invalid: [{ name: 'lasting restrictions, no FCE', build: restrictions('none') }, { name: 'FCE quoted but its report absent', build: restrictions('quoted') },
      { name: 'the same systemic claim before a carrier, which rates capacity by testing', claim: { type: 'workers_comp' }, build: systemic(restrictions('none')) }],
  },
  'mmi-not-addressed': {
    valid: [{ name: 'treating physician states MMI too', claim: { type: 'workers_comp' }, build: mmiByExaminerOnly(true) }],
    invalid: [{ name: 'only the examiner states MMI', claim: { type: 'workers_comp' }, build: mmiByExaminerOnly(false) }],
  },
  'mental-health-unaddressed': {
    valid: [{ name: 'psychologist evaluated', build: mentalHealth(true) }, { name: 'no signs', build: ptCourse(true) },
      { name: 'signs recorded only before the alleged onset: the baseline', claim: { type: 'ssdi', onset: '2024-06-01' }, build: mentalHealth(false) }],
    invalid: [{ name: 'adjustment disorder, counseling declined, no evaluation', claim: { type: 'ssdi' }, build: mentalHealth(false) }],
  },
  'imaging-report-missing': {
    valid: [
      { name: 'formal report filed', build: imagingMention(true) }, { name: 'X-rays taken and read in the office', build: officeXrays },
      { name: 'a negative study with no finding: its report would prove an absence the note records', build: imagingMention(false, 'CT head/C-spine negative.') },
      { name: '"no acute intracranial hemorrhage or mass": negatives only', build: imagingMention(false, 'CT HEAD WITHOUT CONTRAST: No acute intracranial hemorrhage, mass effect or midline shift.') },
      { name: 'a study dated by its month, its report of that month filed', build: monthDatedMri },
      { name: '"04/03/2023 FOLLOW-UP - MRI REVIEW": the visit reviews the MRI reported six days before', build: reviewedMri('2023-03-28') },
      { name: 'the ED record gives its radiologist\'s named reading', build: imagingMention(false, 'XR pelvis AP + R hip 2 views (reading radiologist: S. Patel-Greer, MD): displaced subcapital fracture of the right femoral neck.') },
      { name: 'a trauma team\'s negative screening CT', build: () => new CaseBuilder().visit('2023-04-22', { ...DR_KIM, documentTitle: 'TRAUMA SURGERY H&P' })
        .fact('treatment', { modality: 'imaging_study', subtype: 'CT', status: 'performed' }, 'CT head/C-spine: no acute findings.') },
    ],
    invalid: [
      { name: 'ED note summarizes a CT with a finding, no report', build: imagingMention(false) },
      { name: '"negative for fracture" beside a finding', build: imagingMention(false, 'CT lumbar spine negative for fracture; moderate L4-5 disc space narrowing.') },
      { name: 'a visit\'s own date on an MRI whose only report is a year older', build: reviewedMri('2022-03-28') },
      { name: 'a clinic\'s film "no fracture": the findings may follow, the report is asked for', build: () => new CaseBuilder().visit('2022-09-13', { ...DR_KIM, specialty: 'occupational_medicine' as const })
        .fact('treatment', { modality: 'imaging_study', subtype: 'x-ray', status: 'performed' }, 'X-rays right knee, 3 views (in clinic): no fracture.') },
      { name: 'an imaging centre named as the reader, its report not filed', build: () => new CaseBuilder().visit('2022-12-06', { ...DR_KIM, specialty: 'primary_care' as const })
        .fact('treatment', { modality: 'imaging_study', subtype: 'x-ray', status: 'performed' }, 'XR R knee 3 views (in-office, read by Sandhills Diagnostic Imaging 12/7/22): medial joint space narrowing.') },
    ],
  },
  'imaging-not-current': {
    valid: [
      { name: 'imaging repeated', claim: { type: 'ssdi' }, build: staleImaging(true) },
      { name: 'a stable condition in a workers\' comp claim: nothing changed to image again', claim: { type: 'workers_comp' }, build: staleImaging(false) },
      { name: 'a systemic claim: seventeen months of neurology after one MRI', claim: { type: 'ssdi' }, build: systemic(staleImaging(false)) },
      { name: 'a mental claim: a year of psychiatry after one head CT', claim: { type: 'ssdi' }, build: () => {
        const b = new CaseBuilder().file('ct.txt').visit('2022-01-05', { name: 'Dr. Lind', credential: 'MD', specialty: 'radiology', kind: 'imaging' })
          .fact('objective_finding', { category: 'imaging', finding: 'normal', label: 'no acute intracranial abnormality', abnormal: false }, 'No acute intracranial abnormality.')
          .file('psychiatry.txt');
        for (const d of ['2022-02-01', '2022-04-01', '2022-06-01', '2022-09-01', '2023-01-05', '2023-03-01', '2023-06-01']) {
          b.visit(d, { name: 'Dr. Roe', credential: 'MD', specialty: 'psychiatry' }).fact('diagnosis', { name: 'Major depressive disorder', code: 'F33.1' }, 'Major depressive disorder, recurrent (F33.1).');
        }
        return b;
      } },
    ],
    invalid: [
      { name: '17 months of care since the only MRI (SSA weighs the impairment as it is now)', claim: { type: 'ssdi' }, build: staleImaging(false) },
      { name: 'worsening noted since the only MRI, in a workers\' comp claim', claim: { type: 'workers_comp' }, build: () => staleImaging(false)().visit('2023-08-01', DR_LEE).fact('objective_finding', { category: 'exam', finding: 'weakness', label: 'ankle dorsiflexion 4/5', abnormal: true }, 'New weakness of ankle dorsiflexion, 4/5.').visit('2023-09-01', DR_LEE).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.') },
    ],
  },
  'specialist-referral-not-completed': {
    valid: [{ name: 'consultation in the file', build: referral(true) }],
    invalid: [{ name: 'referral, no consultation', build: referral(false) }],
  },
  'device-without-prescription': {
    valid: [{ name: 'prescribed, medical necessity stated', claim: { type: 'ssdi' }, build: cane(true) }, {
      name: 'a treating source\'s statement that the gait requires it', claim: { type: 'ssdi' },
      build: () => cane(false)().visit('2024-06-10', { ...DR_PATEL, kind: 'medical_source_statement' })
        .fact('limitation', { activity: 'walk', source: 'provider', text: 'hemiparetic gait requiring quad cane' }, 'Hemiparetic gait requiring quad cane and AFO.'),
    }],
    invalid: [{ name: 'cane used for months, no prescription', claim: { type: 'ssdi' }, build: cane(false) }],
  },
  'conflicting-opinions-unrebutted': {
    valid: [
      { name: 'examiner agrees', claim: { type: 'workers_comp' }, build: ratings(true) },
      { name: 'the treating physician answers the examiner by name ("disagree with Dr. Blanchard\'s date")', claim: { type: 'workers_comp' }, build: () => examinerMmi(true) },
      { name: 'one source\'s lifting limit changed over time: a change, not a disagreement', claim: { type: 'workers_comp' }, build: () => new CaseBuilder()
        .visit('2023-06-01', { ...DR_KIM, kind: 'work_status_note' }).fact('limitation', { activity: 'lift', source: 'provider', limit: 15, text: 'no lifting over 15 lb' }, 'No lifting over 15 lb.')
        .visit('2024-01-16', { ...IME_DOC, name: 'Dr. Kim' }).fact('limitation', { activity: 'lift', source: 'provider', limit: 40, text: 'lifting up to 40 lb' }, 'Permanent restriction: lifting up to 40 lb.') },
    ],
    invalid: [
      { name: 'examiner rates 5% against 12%', claim: { type: 'workers_comp' }, build: ratings(false) },
      { name: 'an examiner\'s MMI against the treating "not at MMI", unanswered', claim: { type: 'workers_comp' }, build: () => examinerMmi(false) },
    ],
  },
  'treatment-not-followed': {
    valid: [
      { name: 'no sign of non-adherence', build: lastPlan(true) },
      { name: 'the reason is in the note ("cannot afford the copay"): good cause on record', build: nonAdherence(true) },
      { name: 'the claimant\'s own words quoted ("does not want wires in my back")', build: declined('Pt declines SCS, does not want "wires in my back."') },
      { name: 'an emergency department\'s offer declined', build: declined('Sling offered for comfort - declined.', { ...DR_LEE, specialty: 'emergency', kind: 'emergency_visit' }) },
      { name: 'an examiner declines the test, not the claimant', build: declined('The IME calls it a diagnosis of exclusion and then declines the medial branch block that would settle it.') },
      { name: 'a lapse before the alleged onset', claim: { type: 'ssdi', onset: '2024-02-01' }, build: nonAdherence(false) },
      { name: 'a course kept with one visit missed ("29 visits attended, 1 no-show")', build: () => new CaseBuilder().visit('2024-01-10', { ...DR_LEE, specialty: 'physical_therapy' })
        .fact('treatment', { modality: 'physical_therapy', status: 'completed' }, 'Dates of care: 10/18/2023 - 01/10/2024. 29 visits attended, 1 no-show.')
        .visit('2024-03-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.') },
      { name: 'a drug held on the surgeon\'s instruction ("Hold meloxicam 7 days (not taking)")', build: () => new CaseBuilder().visit('2024-01-10', DR_LEE)
        .fact('treatment', { modality: 'medication', drug: 'meloxicam', status: 'discontinued' }, 'Consent signed. Hold meloxicam/NSAIDs 7 days (not taking).')
        .visit('2024-03-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.') },
      { name: 'a visit log\'s row ("| 05/02 | no-show |")', build: () => new CaseBuilder().visit('2024-01-10', { ...DR_LEE, specialty: 'physical_therapy' })
        .fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Visit | 05/02/2023 | no-show | rescheduled |')
        .visit('2024-03-10', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.') },
    ],
    invalid: [
      { name: 'ran out, no reason', build: nonAdherence(false) },
      { name: 'a refusal with no reason', build: declined('Declines medial branch blocks.') },
    ],
  },
  'authorization-unanswered': {
    valid: [
      { name: 'the study was done', build: authorization(true) },
      {
        name: 'a drug in the sentence of another treatment\'s request is not waiting for authorization', claim: { type: 'workers_comp', state: 'TX' },
        build: () => new CaseBuilder().visit('2023-06-13', DR_LEE)
          .fact('treatment', { modality: 'medication', drug: 'naproxen', drugClass: 'NSAID', status: 'planned' }, 'Plan: sling prn, ice, naproxen 500 BID, MRI ordered (preauth submitted).')
          .visit('2023-07-11', { ...DR_LEE, kind: 'imaging', specialty: 'radiology' }).fact('objective_finding', { category: 'imaging', finding: 'tear', label: 'rotator cuff tear', abnormal: true }, 'MRI R shoulder: full-thickness supraspinatus tear.'),
      },
      {
        name: 'workers\u2019 comp: the note records the approval itself', claim: { type: 'workers_comp', state: 'GA' },
        build: () => new CaseBuilder().visit('2023-05-24', { ...DR_LEE, kind: 'procedure_note' })
          .fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'AUTH #: MM-PA-55193 (approved 05/04/2023, 1 x L L5-S1 TFESI)'),
      },
      {
        name: 'workers\u2019 comp: a therapy ledger records the authorization received', claim: { type: 'workers_comp', state: 'TN' },
        build: () => new CaseBuilder().visit('2023-04-20', { ...DR_LEE, specialty: 'physical_therapy', kind: 'pt_progress' })
          .fact('treatment', { modality: 'physical_therapy', status: 'performed' }, '4/20/23 14 97110, 97530, yellow putty 3 auth #2 recd 4/19 (12 visits)'),
      },
      {
        name: 'a course already authorized under its preauthorization number', claim: { type: 'workers_comp', state: 'TX' },
        build: () => new CaseBuilder().visit('2024-04-18', DR_LEE)
          .fact('treatment', { modality: 'physical_therapy', status: 'planned' }, '2x/wk x 12 wk (24 visits authorized 04/18/2024, HCC preauth #HC-PA-24-0771): progressive lumbar stabilization.'),
      },
      {
        name: 'a note that says no authorization is needed', claim: { type: 'workers_comp', state: 'WA' },
        build: () => new CaseBuilder().visit('2023-08-11', DR_LEE)
          .fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, 'Note: L&I requires authorization beyond 24 PT visits; 22 billed, no authorization needed.'),
      },
      {
        name: 'the request and its denial in one sentence', claim: { type: 'personal_injury' },
        build: () => new CaseBuilder().visit('2024-04-02', DR_LEE)
          .fact('treatment', { modality: 'surgery', status: 'recommended' }, 'Neurosurgery 03/12: microdiscectomy recommended; health plan denied prior authorization 03/28, appeal filed.'),
      },
      {
        name: 'a later note records the request answered', claim: { type: 'ssdi' },
        build: () => authorization(false)().visit('2024-03-01', DR_PATEL)
          .fact('treatment', { modality: 'imaging_study', subtype: 'MRI', status: 'denied' }, 'Insurer denied the lumbar MRI on 02/20.'),
      },
    ],
    invalid: [
      { name: 'prior authorization submitted, nothing after', build: authorization(false) },
      {
        name: 'workers\u2019 comp: a denial named in the notes, not in the file', claim: { type: 'workers_comp', state: 'GA' },
        build: () => new CaseBuilder().visit('2023-05-24', DR_LEE)
          .fact('treatment', { modality: 'surgery', status: 'recommended' }, 'UR denied the fusion on 05/20/2023 (UR #4471); will appeal.'),
      },
    ],
  },
  'procedure-record-missing': {
    valid: [
      { name: 'operative report filed', build: surgeryMention(true) }, { name: 'the date is an office visit\'s', build: surgeryMention(false, 'office_visit') },
      {
        name: 'a procedure utilization review turned down was never done',
        build: () => new CaseBuilder().visit('2024-01-23', DR_PATEL)
          .fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'TFESI #3 non-certified by URA 12/20/2023; reconsideration non-certified 01/12/2024.', { date: '2023-12-20' }),
      },
    ],
    invalid: [{ name: 'surgery known only from a later note', build: surgeryMention(false) }, { name: 'a hospital stay that day, no operative report', build: surgeryMention(false, 'unknown') }],
  },
  'therapy-notes-missing': {
    valid: [{ name: 'every visit documented', build: therapyCourse(true) }],
    invalid: [{ name: 'evaluation and discharge only', build: therapyCourse(false) }, { name: 'four billed visits without notes in a documented course', build: billedTail() }],
  },
  'records-after-last-plan': {
    valid: [{ name: 'the new drug is followed up', build: lastPlan(true) }],
    invalid: [{ name: 'record ends with a new drug started', build: lastPlan(false) }],
  },
  'pre-injury-records-missing': {
    valid: [{ name: 'a visit before the injury', claim: { type: 'personal_injury', onset: '2022-03-14' }, build: injuryCase(true) }],
    invalid: [{ name: 'record starts at the injury', claim: { type: 'personal_injury', onset: '2022-03-14' }, build: injuryCase(false) }],
  },
  'crash-report-missing': {
    valid: [
      { name: 'the police report is filed', claim: PI, build: collision(true) },
      { name: 'a fall, not a collision', claim: PI, build: () => new CaseBuilder().visit('2022-03-14', ED_DOC).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Slipped on ice in a parking lot; back pain 7/10.') },
    ],
    invalid: [{ name: 'a collision told by the emergency note, no report', claim: PI, build: collision(false) }],
  },
  'future-care-unsupported': {
    valid: [
      { name: 'a life care plan is filed', claim: PI, build: () => chronicLumbarCase().file('Life_Care_Plan_Roe_2024.txt').visit('2024-06-01', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 5, max: 10 }, 'Pain 5/10.') },
      { name: 'too thin a record to project from', claim: PI, build: injuryCase(false) },
      { name: 'the treating physician itemises future care with its frequency and cost', claim: PI, build: () => futureCare('Physical therapy for flares, 8 visits per year at $165 = $1,320 per year') },
    ],
    invalid: [
      { name: 'a plateau with no projection of future care', claim: PI, build: chronicLumbarCase },
      { name: 'care for later named without frequency or cost', claim: PI, build: () => futureCare('Physical therapy for flares as needed.') },
    ],
  },
  'employment-records-missing': {
    valid: [{ name: 'injury claim with no time lost', claim: { type: 'personal_injury', onset: '2022-03-14' }, build: () => new CaseBuilder().visit('2022-03-20', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 5, max: 10 }, 'Neck pain 5/10.') }],
    invalid: [
      { name: 'workers comp claim', claim: { type: 'workers_comp', onset: '2022-03-14' }, build: injuryCase(false) },
      { name: 'injury claim with time off work', claim: { type: 'personal_injury', onset: '2022-03-14' }, build: injuryCase(false) },
    ],
  },
};

/** A plateau, then the treating physician's list of care for later (an allowance: future care, not planned now). */
function futureCare(item: string) {
  return chronicLumbarCase().visit('2024-06-01', DR_PATEL).fact('treatment', { modality: 'physical_therapy', status: 'recommended' }, item,
    { temporality: 'hypothetical', context: [{ category: 'hypothetical', trigger: `${FUTURE_CARE_TRIGGER}: future medical care`, start: 0, end: 0 }] });
}

const TABLE: Record<string, { valid: Case[]; invalid: Case[] }> = {
  'pt-without-functional-measures': {
    valid: [{ name: 'ODI at start and end', build: ptCourse(true) }, { name: 'ODI re-scored two weeks before discharge', build: ptRescored('rescored-before-discharge') },
      { name: 'evaluation only, discharged for no-shows', build: ptRescored('evaluation-only') },
      {
        name: 'stroke rehabilitation measured by performance tests (Berg, 10-meter walk)',
        build: () => new CaseBuilder().visit('2024-01-05', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT eval; gait training.')
          .fact('outcome_measure', { instrument: 'other', name: 'Berg Balance Scale', value: 38, max: 56 }, 'Berg 38/56.')
          .visit('2024-03-20', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'completed', sessions: 20 }, 'D/C from PT after 20 visits.')
          .fact('outcome_measure', { instrument: 'other', name: 'Berg Balance Scale', value: 44, max: 56 }, 'Berg 44/56.'),
      },
      {
        name: 'the change written in the discharge summary',
        build: () => new CaseBuilder().visit('2024-01-05', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT eval; ther ex initiated.')
          .visit('2024-02-20', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'completed', sessions: 12 }, 'D/C from PT after 12 visits.')
          .fact('outcome_measure', { instrument: 'ODI', value: 42, max: 100, previous: 52 }, 'ODI 52% -> 42% over the course.'),
      },
      {
        name: 'scored at discharge, not at the evaluation',
        build: () => new CaseBuilder().visit('2024-01-05', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT eval; ther ex initiated.')
          .visit('2024-02-06', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Visit 8: ther ex.')
          .fact('outcome_measure', { instrument: 'ODI', value: 46, max: 100 }, 'ODI 46%.')
          .visit('2024-02-20', PT_RIVERA).fact('treatment', { modality: 'physical_therapy', status: 'completed', sessions: 12 }, 'D/C from PT after 12 visits.')
          .fact('outcome_measure', { instrument: 'ODI', value: 42, max: 100 }, 'ODI 42%.'),
      }],
    invalid: [{ name: 'pain score only', build: ptCourse(false) }],
  },
  'injection-without-relief-duration': {
    valid: [{ name: 'percent and duration', build: injections(true) }, { name: 'duration in words, no percent', build: injections('duration-only') },
      { name: 'a percent without its duration', build: injections('percent-only') },
      { name: 'a series answered after its last injection', build: injectionSeries(true) }, { name: 'the pain diary read back', build: diary(true) },
      { name: 'a knee injection series with no response and no diary: a joint injection\'s response decides nothing that follows', build: injectionSeries(false, 'joint_injection') },
      { name: 'responses written for earlier procedures: one that seems unanswered is not asked for', build: () => injections(true)()
        .visit('2024-03-20', { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'medial_branch_block', status: 'performed' }, 'Right L4-5 medial branch block.')
        .visit('2024-04-20', DR_LEE).fact('outcome_measure', { instrument: 'NRS', value: 6, max: 10 }, 'Low back pain 6/10.') }],
    invalid: [{ name: 'no response written after it', build: injections(false) }, { name: 'a series with no response', build: injectionSeries(false) },
      { name: 'a pain diary given, relief recalled later, no diary in the file', build: diary(false) }],
  },
  'surgical-consult-without-decision-reason': {
    valid: [
      { name: 'declined with reason', build: consult('declined-with-reason') },
      { name: 'not a candidate', build: consult('not-candidate') },
      { name: 'declined in the surgeon\'s own note (its assessment carries the reasoning)', build: consult('declined-no-reason') },
      { name: 'ruled out at the first consultation, carried through later visits', build: () => consult('not-candidate')().visit('2024-03-05', DR_KIM)
        .fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'Neurosurgical follow-up consultation.') },
      { name: 'the surgeon goes on managing the condition without operating', build: () => consult('nothing')()
        .visit('2024-02-05', DR_KIM).fact('outcome_measure', { instrument: 'NRS', value: 4, max: 10 }, 'Pain 4/10 in the brace.')
        .visit('2024-03-05', DR_KIM).fact('outcome_measure', { instrument: 'NRS', value: 2, max: 10 }, 'Pain 2/10; fracture healed.') },
    ],
    invalid: [
      { name: 'no decision', build: consult('nothing') },
    ],
  },
  'limitation-single-source': {
    valid: [
      { name: 'two providers, two visits', claim: { type: 'ssdi' }, build: limits(2, 2) },
      {
        name: 'workers\u2019 comp: the treating surgeon has given permanent restrictions at P&S', claim: { type: 'workers_comp' },
        build: () => new CaseBuilder().visit('2024-01-10', DR_KIM)
          .fact('mmi_statement', { kind: 'permanent_and_stationary' }, 'He is permanent and stationary as of today.')
          .fact('limitation', { activity: 'overhead_reach', source: 'provider', text: 'no overhead work' }, 'Permanent restrictions: no overhead work with the right arm.'),
      },
    ],
    invalid: [
      { name: 'one visit', claim: { type: 'ssdi' }, build: limits(1, 1) }, { name: 'one provider, three visits', claim: { type: 'ssdi' }, build: limits(1, 3) },
      { name: 'workers\u2019 comp, no treating opinion yet', claim: { type: 'workers_comp' }, build: limits(1, 1) },
      {
        name: 'SSDI: checked even with a treating opinion', claim: { type: 'ssdi' },
        build: () => new CaseBuilder().visit('2024-01-10', DR_KIM)
          .fact('mmi_statement', { kind: 'permanent_and_stationary' }, 'He is permanent and stationary as of today.')
          .fact('limitation', { activity: 'overhead_reach', source: 'provider', text: 'no overhead work' }, 'Permanent restrictions: no overhead work with the right arm.'),
      },
    ],
  },
  'no-treating-source-opinion': {
    valid: [{
      name: 'treating physician completes a medical source statement',
      build: () => new CaseBuilder().visit('2024-01-10', { ...DR_PATEL, kind: 'medical_source_statement' })
        .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, 'Lift/carry 10 lb occasionally.')
        .fact('limitation', { activity: 'sit', limit: 4, unit: 'hours', source: 'provider', text: 'sit 4 h' }, 'Sit about 4 hours total in an 8-hour day.'),
    }, {
      name: 'treating surgeon gives permanent restrictions with a P&S statement',
      build: () => new CaseBuilder().visit('2024-01-10', DR_KIM)
        .fact('mmi_statement', { kind: 'permanent_and_stationary' }, 'He is permanent and stationary as of today.')
        .fact('limitation', { activity: 'overhead_reach', source: 'provider', text: 'no overhead work' }, 'Permanent restrictions: no overhead work with the right arm.'),
    }],
    invalid: [{ name: 'physician states a lifting limit only', build: limits(1, 1) }, {
      name: 'work-note restrictions in progress notes are not an opinion on lasting capacity',
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL)
        .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, 'Work restrictions: no lifting over 10 lb.')
        .fact('limitation', { activity: 'stand', limit: 30, unit: 'minutes', source: 'provider', text: 'stand 30 min' }, 'Avoid standing more than 30 minutes at a time.'),
    }, {
      name: 'restrictions from an IME examiner are not a treating-source opinion',
      build: () => new CaseBuilder().visit('2024-01-10', { name: 'Dr. Voss', credential: 'MD', specialty: 'ime', kind: 'ime' })
        .fact('mmi_statement', { kind: 'mmi' }, 'The examinee is at MMI.')
        .fact('limitation', { activity: 'lift', limit: 20, unit: 'lb', source: 'provider', text: 'lift 20 lb' }, 'Permanent restrictions: no lifting over 20 lb.'),
    }, {
      name: 'patient report only',
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL)
        .fact('limitation', { activity: 'sit', limit: 20, unit: 'minutes', source: 'patient', text: 'sit 20 min' }, 'She says she can sit only 20 minutes.'),
    }],
  },
  'mmi-implied-not-stated': {
    valid: [{ name: 'MMI stated', build: () => new CaseBuilder().visit('2024-01-10', DR_LEE).fact('mmi_statement', { kind: 'mmi' }, 'At MMI.') }],
    invalid: [{ name: 'implied by maintenance pattern', build: chronicLumbarCase }],
  },
  ...NEW_RULE_TABLE,
  'limitation-without-objective-finding': {
    valid: [{ name: 'abnormal SLR documented', build: limits(1, 1) }, {
      // Its evidence is the mental status examination and testing, which this rule does not read.
      name: 'a depression claim: its limits rest on evidence other than exam signs or imaging',
      build: () => ['2024-01-10', '2024-02-10', '2024-03-10'].reduce((b, d) => b.visit(d, DR_PATEL)
        .fact('diagnosis', { name: 'Major depressive disorder', code: 'F33.1' }, 'Major depressive disorder, recurrent (F33.1).'), new CaseBuilder())
        .fact('limitation', { activity: 'concentrate', source: 'provider', text: 'off task 20%' }, 'She would be off task 20% of the day.'),
    }],
    invalid: [{
      name: 'limits, only normal findings',
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL)
        .fact('limitation', { activity: 'stand', limit: 15, unit: 'minutes', source: 'provider', text: 'stand 15 min' }, 'Stand no more than 15 minutes.')
        .fact('objective_finding', { category: 'exam', finding: 'reflexes', label: 'reflexes normal', abnormal: false }, 'DTRs 2+ and symmetric.'),
    }],
  },
  'unexplained-treatment-gap': {
    valid: [{ name: 'plateau, follow up as needed', build: visitGap(true) }],
    invalid: [{ name: '8 months, no reason', build: visitGap(false) }],
  },
  'duration-not-shown': {
    valid: [{ name: '19 months documented', build: chronicLumbarCase }, {
      // Over half the period documented, still treated: the adjudicator projects the course.
      name: 'eight months documented and still treated', claim: { type: 'ssdi', onset: '2023-01-05' },
      build: () => ['2023-01-10', '2023-03-10', '2023-05-10', '2023-07-10', '2023-09-10'].reduce((b, d) => b.visit(d, DR_PATEL)
        .fact('treatment', { modality: 'medication', status: 'ongoing', drug: 'duloxetine', drugClass: 'SNRI' }, 'Continue duloxetine 60 mg daily.'), new CaseBuilder()),
    }],
    invalid: [{ name: 'two months, no statement', build: ptCourse(true) }],
  },
  'no-prognosis': {
    valid: [
      { name: 'poor prognosis stated', build: chronicLumbarCase },
      {
        name: 'MMI stated by the treating surgeon: the end point is known', claim: { type: 'workers_comp' },
        build: () => new CaseBuilder().visit('2024-01-10', DR_KIM).fact('mmi_statement', { kind: 'mmi' }, 'He has reached maximum medical improvement as of today.'),
      },
    ],
    invalid: [{ name: 'none stated, MMI not reached', build: ptCourse(true) }],
  },
  'evidence-before-dli-thin': {
    valid: [{ name: 'many visits before DLI', claim: { type: 'ssdi', dli: '2024-12-31' }, build: chronicLumbarCase }],
    invalid: [{ name: 'one visit before DLI', claim: { type: 'ssdi', dli: '2023-03-01' }, build: chronicLumbarCase }],
  },
  'impairment-rating-missing': {
    valid: [{
      name: 'rating with edition', claim: { type: 'workers_comp' },
      build: () => new CaseBuilder().visit('2024-04-02', DR_KIM)
        .fact('mmi_statement', { kind: 'permanent_and_stationary' }, 'P&S as of today.')
        .fact('impairment_rating', { percent: 8, basis: 'whole_person', guidesEdition: '5th' }, '8% WPI per AMA Guides 5th ed.'),
    }],
    invalid: [{
      name: 'P&S, no rating', claim: { type: 'workers_comp' },
      build: () => new CaseBuilder().visit('2024-04-02', DR_KIM).fact('mmi_statement', { kind: 'permanent_and_stationary' }, 'P&S as of today.'),
    }],
  },
  'opinion-from-non-acceptable-source-only': {
    valid: [{ name: 'physician limits', claim: { type: 'ssdi' }, build: limits(2, 2) }],
    invalid: [{
      name: 'chiropractor only', claim: { type: 'ssdi' },
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL).fact('plan_signal', { signal: 'follow_up_prn' }, 'F/u prn.')
        .visit('2024-02-10', DC_OLSEN).fact('limitation', { activity: 'lift', limit: 15, unit: 'lb', source: 'provider', text: 'lift 15 lb' }, 'Advised no lifting over 15 lbs.'),
    }],
  },
  'billed-visit-without-record': {
    // valid = the record is complete: every billed date has the provider's note within a day.
    valid: [{
      name: 'an examination billed on its day, its report dated days later',
      build: billedExam('2024-04-22', '2024-04-16'),
    }, {
      name: 'billed visit with its note',
      build: () => new CaseBuilder().visit('2024-03-04', DR_LEE).fact('treatment', { modality: 'epidural_injection', status: 'performed' }, 'L5-S1 TFESI performed.')
        .file('ledger.csv').bill('2024-03-05', 'Lee, Dr.', [{ code: '64483', charge: 1450 }]),
    }, {
      name: 'therapy sessions billed by an unnamed provider while the therapist\'s notes are in part present (therapy-notes-missing asks for the rest)',
      build: () => new CaseBuilder().visit('2024-06-12', { name: 'Dana Roe', credential: 'PT', specialty: 'physical_therapy' })
        .fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT evaluation.')
        .file('ledger.csv').bill('2024-06-17', '', [{ code: '97110', charge: 88 }]).bill('2024-06-21', '', [{ code: '97110', charge: 88 }]).bill('2024-06-26', '', [{ code: '97530', charge: 92 }]),
    }, {
      name: 'an inpatient rehabilitation stay billed from its first day, its notes written during it',
      build: () => new CaseBuilder().visit('2023-10-04', DR_LEE).fact('outcome_measure', { instrument: 'NRS', value: 4, max: 10 }, 'Discharge summary: pain 4/10.')
        .file('ledger.csv').bill('2023-09-20', 'Rivermoor Rehabilitation Hospital', [{ code: 'CMG 0804', description: 'IRF stay 09/20-10/04/2023', charge: 41000 }]),
    }, {
      name: 'a carrier register that names the biller only in its note, the study\'s report in the file',
      build: () => new CaseBuilder().visit('2024-01-28', { name: 'Nadia Roe', credential: 'MD', specialty: 'radiology', kind: 'imaging' })
        .fact('objective_finding', { category: 'imaging', finding: 'tear', label: 'recurrent full-thickness tear', abnormal: true }, 'Recurrent full-thickness supraspinatus tear.')
        .file('ledger.csv').bill('2024-01-26', '', [{ code: '', description: 'San Joaquin Open MRI - MR arthrogram R shoulder', charge: 1460 }]),
    }, ...([
      ['a no-show row', { code: 'NS', description: 'No-show - no charge', charge: 0 }],
      ['a clinic-cancelled appointment', { code: 'CX', description: 'Clinic-cancelled appointment - no charge', charge: 0 }],
      ['a dental extraction', { code: 'D7140', description: 'Extraction erupted tooth #30', charge: 165 }],
      ['a pharmacy fill', { code: '340B', description: 'Pharmacy refill: metformin 1000 #180', charge: 8 }],
      ['a records release fee', { code: 'ROI', description: 'Release of information - attorney request', charge: 0 }],
      ['a disability benefit payment', { code: '', description: 'TTD', charge: 1360 }],
      ['field case management', { code: 'NCM', description: 'Field case management - closed 05/20/2024', charge: 420 }],
      ['a cost estimate letter', { code: 'LTR', description: 'Surgical cost estimate letter (attorney request)', charge: 0 }],
      ['a narrative report to counsel', { code: '', description: 'narrative report to counsel', charge: 532 }],
      ['a utilization-review fee', { code: 'UR', description: 'UR review', charge: 295 }],
    ] as const).map(([name, line]) => ({
      name: `${name} is not a visit`,
      build: () => new CaseBuilder().visit('2024-03-04', DR_LEE).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.')
        .file('ledger.csv').bill('2024-04-15', 'Desert Clinic', [{ ...line }]),
    }))],
    invalid: [{
      name: 'billed visit with no note',
      build: () => new CaseBuilder().visit('2024-03-04', DR_LEE).fact('outcome_measure', { instrument: 'NRS', value: 7, max: 10 }, 'Pain 7/10.')
        .file('ledger.csv').bill('2024-04-15', 'Lee, Dr.', [{ code: '99214', charge: 240 }]),
    }, {
      name: 'an IME addendum billed after the last IME report',
      build: billedExam('2023-10-03', '2023-11-09'),
    }],
  },
  'work-status-without-limits': {
    valid: [{
      name: 'off work with limits', claim: { type: 'ssdi' },
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL)
        .fact('work_status', { status: 'off_work' }, 'Off work until next visit.')
        .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, 'No lifting over 10 lb.'),
    }, {
      name: 'early "off work" answered by specific limits from the same doctor later', claim: { type: 'ssdi' },
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL).fact('work_status', { status: 'off_work' }, 'Off work until 02/01/2024, then re-evaluate.')
        .visit('2024-03-05', DR_PATEL)
        .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift 10 lb' }, 'Work note: no lifting more than 10 pounds.'),
    }],
    invalid: [{
      name: 'bare off work', claim: { type: 'ssdi' },
      build: () => new CaseBuilder().visit('2024-01-10', DR_PATEL).fact('work_status', { status: 'off_work' }, 'Remain off work.'),
    }],
  },
};

describe('gap rules', () => {
  it('has at least 10 rules, each with complete meta and a test table', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(10);
    for (const r of RULES) {
      expect(r.meta.id).toMatch(/^[a-z-]+$/);
      expect(r.meta.authority.cite.length).toBeGreaterThan(5);
      expect(r.meta.request.ask.length).toBeGreaterThan(10);
      // Each rule has a valid/invalid table: in TABLE here, or in its own test/gap-rule-<id>.test.ts.
      expect(TABLE[r.meta.id] ?? (existsSync(path.resolve(import.meta.dirname, `gap-rule-${r.meta.id}.test.ts`)) || undefined), r.meta.id).toBeDefined();
    }
  });

  it('profiles and rule metadata agree on which claim types run each rule', () => {
    for (const r of RULES) {
      for (const [type, profile] of Object.entries(PROFILES)) {
        expect(profile.rules.includes(r.meta.id), `${r.meta.id} / ${type}`).toBe(r.meta.profiles.includes(type as Claim['type']));
      }
    }
  });

  for (const [id, { valid, invalid }] of Object.entries(TABLE)) {
    describe(id, () => {
      for (const c of valid) it(`valid: ${c.name}`, () => expect(gapsOf(c, id)).toEqual([]));
      for (const c of invalid) {
        it(`invalid: ${c.name}`, () => {
          const gaps = gapsOf(c, id);
          expect(gaps.length).toBeGreaterThan(0);
          for (const g of gaps) {
            expect(g.request.to).not.toBe('');
            expect(g.request.ask).toMatch(/\?|[Pp]lease/);
            expect(g.evidence.length).toBeGreaterThan(0);
          }
        });
      }
    });
  }

  it('addresses requests to the provider named in the record', () => {
    const [gap] = gapsOf({ name: 'no decision', build: consult('nothing') }, 'surgical-consult-without-decision-reason');
    expect(gap.request.to).toBe('Dr. Kim (orthopedic surgery)');
    expect(gap.request.ask).toContain('2024-01-05');
  });
});

describe('imaging-report-missing: a later note citing a study another record already reads', () => {
  it('asks about the ED X-rays once, for the ED, not again for the doctor who read the ED record', () => {
    const gaps = gapsOf({ name: 'ED then PCP', build: () => new CaseBuilder().visit('2023-09-15', ED_DOC)
      .fact('treatment', { modality: 'imaging_study', subtype: 'x-ray', status: 'performed' }, 'XR cervical spine 3 views: no fracture or malalignment.')
      .file('pcp.txt').visit('2023-09-19', DR_PATEL)
      .fact('treatment', { modality: 'imaging_study', subtype: 'x-ray', status: 'performed' }, 'ED records reviewed: cervical x-rays without fracture.') }, 'imaging-report-missing');
    expect(gaps.flatMap((g) => g.evidence.map((e) => e.quote)).some((q) => /ED records reviewed/.test(q))).toBe(false);
  });
});

describe('imaging-report-missing: one study, two doctors', () => {
  it('asks for the MRI report once', () => {
    const gaps = gapsOf({ name: 'two doctors describe one MRI', build: () => new CaseBuilder().visit('2023-04-11', DR_PATEL)
      .fact('treatment', { modality: 'imaging_study', subtype: 'MRI', status: 'performed' }, 'MRI of the right knee dated 04/03/2023 is reviewed: medial meniscus tear.')
      .file('ortho.txt').visit('2023-05-02', DR_KIM)
      .fact('treatment', { modality: 'imaging_study', subtype: 'MRI', status: 'performed' }, 'He underwent MRI on 04/03/2023, which showed a medial meniscus tear.') }, 'imaging-report-missing');
    expect(gaps).toHaveLength(1);
  });
});

describe('imaging-not-current: what counts as worsening', () => {
  const worse = statesWorsening;
  it.each([
    'Over the next 2-3 weeks he developed progressive burning pain over the dorsum of the hand.',
    'Worsening numbness in the right foot since March.',
    'New weakness of ankle dorsiflexion, 4/5.',
  ])('worsening: %s', (q) => expect(worse(q)).toBe(true));
  it.each([
    'Progressing appropriately after partial medial meniscectomy.',
    'Neck pain 3/10; sitting at computer > 30 min worsens neck pain.',
    'No driving today, ice, resume meds, call for fever, headache when upright, new weakness.',
    'No new weakness; EHL 5-/5 unchanged.',
    'If frequency worsens, could consider switching to an oral gepant (atogepant) or referral.',
    'Would re-refer to spine surgery only for progressive neurological deficit or intractable pain.',
  ])('not worsening: %s', (q) => expect(worse(q)).toBe(false));
});

describe('pre-injury-records-missing: a primary-care paper with nothing read from it', () => {
  it('asks the practice whose notes have facts, and does not fail on an empty one', () => {
    const gaps = gapsOf({ name: 'empty PCP page first', claim: { type: 'personal_injury', onset: '2022-03-14' }, build: () => new CaseBuilder()
      .visit('2022-03-15', { ...DR_PATEL, name: 'Dr. Amundsen' })
      .file('pcp.txt').visit('2022-03-20', DR_PATEL).fact('work_status', { status: 'off_work' }, 'Off work until 04/01/2022.')
      .visit('2022-05-20', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 5, max: 10 }, 'Neck pain 5/10.') }, 'pre-injury-records-missing');
    expect(gaps).toHaveLength(1);
    expect(gaps[0].request.to).toMatch(/Patel/);
  });
});

describe('no-functional-capacity-evaluation under SSI', () => {
  it('is not asked of a means-tested claim: the agency buys a consultative examination instead', () => {
    expect(profileFor('ssi').rules).not.toContain('no-functional-capacity-evaluation');
    expect(profileFor('ssdi').rules).toContain('no-functional-capacity-evaluation');
  });
});

describe('unexplained-treatment-gap: visits a therapy course summary lists as dated rows', () => {
  it('"05/22/2023 RE-EVAL #1 (visit 16): …" rows are visits, so the surgeon\'s silence while PT ran is no gap', () => {
    const text = ['EPISODE 1 - POST-OP RCR 03/29/2023', '04/10/2023 INITIAL EVAL (Kyle Doe, PT, DPT): s/p R RCR POD 12. Sling. Pain 5/10.',
      '05/22/2023 RE-EVAL #1 (visit 16): PROM FF 150, ER 50. QuickDASH 59.', '07/10/2023 RE-EVAL #2 (visit 28): AROM FF 145. QuickDASH 36.',
      '08/25/2023 DISCHARGE (visit 36): AROM FF 165. QuickDASH 20.'].join('\n');
    const [pt] = splitEncounters(textDoc(text));
    expect(pt.visitRows?.map((r) => r.date)).toEqual(['2023-04-10', '2023-05-22', '2023-07-10', '2023-08-25']);
    const input = new CaseBuilder()
      .visit('2023-04-11', DR_PATEL).fact('plan_signal', { signal: 'return_to_clinic' }, 'PT to finish. RTC after PT.')
      .visit('2023-09-26', DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 2, max: 10 }, 'Pain 2/10.')
      .input({ type: 'workers_comp' });
    const gapsWith = (rows: boolean) => {
      const encounters = rows ? [...input.encounters, { ...pt, id: 'pt#e1', specialty: 'physical_therapy' as const }] : input.encounters;
      return analyzeCase({ ...input, encounters }).gaps.filter((g) => g.ruleId === 'unexplained-treatment-gap');
    };
    expect(gapsWith(false)).toHaveLength(1);
    expect(gapsWith(true)).toEqual([]);
  });
});

describe('unexplained-treatment-gap: one request per provider', () => {
  it('three unexplained intervals before visits to one clinic make one request naming all three', () => {
    const b = new CaseBuilder();
    for (const d of ['2022-11-01', '2023-03-07', '2023-09-12', '2024-02-06']) b.visit(d, DR_PATEL).fact('outcome_measure', { instrument: 'NRS', value: 6, max: 10 }, 'Pain 6/10.');
    const gaps = analyzeCase(b.input({ type: 'ssi' })).gaps.filter((g) => g.ruleId === 'unexplained-treatment-gap');
    expect(gaps).toHaveLength(1);
    expect(gaps[0].request.ask).toMatch(/2022-11-01 and 2023-03-07 \(126 days\), 2023-03-07 and 2023-09-12 \(189 days\) and 2023-09-12 and 2024-02-06 \(147 days\)/);
  });
});

describe('imaging-report-missing: "today" dates the review, not the study', () => {
  it('the MRI report filed four days before the visit answers "Seen today to review MRI"', () => {
    const build = () => {
      const b = new CaseBuilder().visit('2023-05-19', { name: 'Rajiv Roe', credential: 'MD', specialty: 'radiology', kind: 'imaging' })
        .fact('treatment', { modality: 'imaging_study', subtype: 'MRI', status: 'performed' }, 'MRI LUMBAR SPINE WITHOUT CONTRAST: L4-5 bulge with annular fissure.')
        .file('spine.txt').visit('2023-05-23', DR_PATEL)
        .fact('treatment', { modality: 'imaging_study', subtype: 'MRI', status: 'performed' }, 'Seen today to review MRI.');
      const input = b.input.bind(b);
      // The note's "today" is a relative date that falls on the visit itself.
      b.input = (claim) => { const i = input(claim); for (const f of i.facts) if (/today/.test(f.evidence[0].quote)) Object.assign(f, { dateSource: 'relative', date: '2023-05-23' }); return i; };
      return b;
    };
    expect(gapsOf({ name: 'review today', build }, 'imaging-report-missing')).toEqual([]);
  });
});
