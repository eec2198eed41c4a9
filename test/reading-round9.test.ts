import { describe, expect, it } from 'vitest';
import type { Encounter, Fact, FactOf } from '../src/model/index.js';
import { factsOf, textDoc } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';
import { splitEncounters } from '../src/segment/encounters.js';
import { sectionKindOf } from '../src/segment/sections.js';
import { analyzeCase } from '../src/analyze/index.js';
import { CaseBuilder, DR_LEE } from './helpers/facts.js';

/**
 * Reading classes met in claim files written by people who never read this code (synthetic text, no PHI):
 * palliative injections in a maintenance phase, procedures a counsellor only mentions, options waiting on a
 * condition, plans carried forward under their own heading, fax banners above a release cover.
 */
function of<T extends Fact['type']>(body: string, type: T): FactOf<T>[] {
  const { doc, facts } = factsOf(body);
  expectValidCitations(facts, [doc]);
  return facts.filter((f): f is FactOf<T> => f.type === type);
}
const asserted = <T extends Fact>(fs: T[]) => fs.filter((f) => !f.negated && f.temporality === 'current');

describe('palliative care is said as such', () => {
  it.each([
    'A/P: Primary OA R knee, end-stage clinically; palliative injection, diminishing duration of benefit.',
    'A/P: Bilat knee OA - maintenance. Injections q3-4 mo palliative; relief now ~5-6 wks.',
    'Plan: Subacromial injection performed today as approved palliative care.',
  ])('%s', (text) => {
    expect(asserted(of(text, 'plan_signal')).map((f) => f.attributes.signal)).toContain('maintenance_care');
  });
});

describe('a procedure mentioned, not given', () => {
  it.each([
    ['Plan: Surgery remains contingent on BMI < 40 per orthopaedics.', 'surgery'],
    ['Clarified with pt that surgery is still possible if weight comes down.', 'surgery'],
  ])('an option waiting on a condition: %s', (text, modality) => {
    const t = of(text, 'treatment').filter((f) => f.attributes.modality === modality);
    expect(asserted(t).filter((f) => f.attributes.status === 'performed')).toEqual([]);
  });
  it.each([
    'She continues to decline TKA for the same reasons (fear of surgery, mother\'s care).',
    'He still declines the recommended fusion.',
  ])('a standing refusal is declined, not ongoing care: %s', (text) => {
    expect(of(text, 'treatment').filter((f) => f.attributes.modality === 'surgery').map((f) => f.attributes.status)).toEqual(expect.arrayContaining(['declined']));
    expect(of(text, 'treatment').filter((f) => f.attributes.status === 'ongoing')).toEqual([]);
  });
  it.each([
    ['Went to ortho 04/11 - needs knee replacement, must lose weight first.', 'surgery'],
    ['She was told she needs a fusion at L4-5.', 'surgery'],
  ])('what the claimant needs is recommended: %s', (text, modality) => {
    const t = of(text, 'treatment').filter((f) => f.attributes.modality === modality);
    expect(t.map((f) => f.attributes.status)).toContain('recommended');
    expect(t.filter((f) => f.attributes.status === 'performed')).toEqual([]);
  });
});

describe('headings that say the text below is old', () => {
  it.each(['HPI/PLAN carried forward from prior (knees)', 'Copied forward', 'Prior plan'])('%s is past history', (title) => {
    expect(sectionKindOf(title)).toBe('past_history');
  });
  it('a plan carried forward under its heading is not a plan of this visit', () => {
    const text = 'O: Knees: R small effusion.\nHPI/PLAN carried forward from prior (knees):\n  Bilat knee OA. Continue PT 2x/wk at Cottonwood PT, HEP daily.\nA/P:\n1. Bilat knee OA - stable, maintenance.\n';
    const pt = of(text, 'treatment').filter((f) => f.attributes.modality === 'physical_therapy');
    expect(pt.length).toBeGreaterThan(0);
    expect(asserted(pt)).toEqual([]);
  });
});

describe('a fax banner above a records release does not date a visit', () => {
  it('the release cover takes no date from the banner', () => {
    const text = `07/02/2024 10:14   FAX 5755550189   MESA FHC MED RECORDS  ->  DOE DISABILITY LAW   P.002/044
MESA FAMILY HEALTH CENTER
RECORDS RELEASE - CERTIFIED COPY
Custodian: Jane Roe, Health Information Tech II
-----------------------------------------------------------------
ENCOUNTER: 03/08/2022  Office Visit - Established
PROVIDER: Ana Gallegos, FNP-C
S: Knee pain. A/P: OA R knee.
`;
    const doc = textDoc(text);
    const dates = splitEncounters(doc).map((e) => e.date);
    expect(dates).not.toContain('2024-07-02');
    expect(dates).toContain('2022-03-08');
  });
});

describe('MMI: palliative injections in the maintenance phase', () => {
  /** A surgeon closes active care; the primary clinic then injects the knee every few months and says why. */
  const injections = (why: string) => {
    const b = new CaseBuilder()
      .visit('2023-10-17', { name: 'Kurt Pell', credential: 'MD', specialty: 'orthopedic_surgery', kind: 'consultation' })
      .fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'Orthopaedic consultation.')
      .fact('plan_signal', { signal: 'no_further_treatment' }, 'I have nothing further to offer her surgically.');
    for (const d of ['2024-01-09', '2024-05-14']) {
      b.visit(d, { ...DR_LEE, kind: 'procedure_note' }).fact('treatment', { modality: 'joint_injection', status: 'performed' }, 'IA corticosteroid injection RIGHT knee.');
      if (why) b.fact('plan_signal', { signal: 'maintenance_care' }, why);
    }
    for (const d of ['2024-03-19', '2024-07-09']) b.visit(d, DR_LEE).fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen.');
    const a = analyzeCase(b.input({ type: 'ssi' }));
    expectValidCitations(a, b.documents());
    return a.mmi;
  };
  it('injections the clinic calls palliative belong to the maintenance phase', () => {
    expect(injections('Palliative injection, diminishing duration of benefit.')).toMatchObject({ status: 'implied', date: '2023-10-17' });
  });
  it('the same injections with nothing said of their purpose are active care', () => {
    expect(injections('').status).not.toBe('implied');
  });
});

describe('what a form or note says is not limited', () => {
  const limits = (text: string) => of(text, 'limitation').filter((f) => !f.negated && f.temporality === 'current').map((f) => f.attributes.activity);
  it.each([
    '- No kneeling/squatting restriction.',
    'Climbing ladders: [ ] restricted [X] not restricted',
    '16. Motion: Walking (no limit)',
    'Validity: 6 of 6 consistency-of-effort measures within expected limits (grip CV, heart-rate response).',
    'R shoulder abd 4/5 (pain-limited), grip R 24 kg / L 30 kg.',
    'No driving in collar.',
    'No driving on methocarbamol.',
    'Alert, oriented, pleasant, in no distress seated.',
    'Claimant observed using L hand to sign; no difficulty sitting for 25 min interview.',
  ])('no limit: %s', (text) => expect(limits(text)).toEqual([]));
  it('an unmarked option offers an amount; only the marked answer counts', () => {
    const lift = of('7. Lifting: [ ] <10 lb [ ] 10 lb [ ] 20 lb [X] no neurological restriction on lifting', 'limitation').filter((f) => f.attributes.activity === 'lift');
    expect(lift.map((f) => f.attributes.limit).filter((x) => x !== undefined)).toEqual([]);
  });
  it('a max-hours grid drawn with boxes: the marked column is the hours, a full day no limit', () => {
    const text = '18. POSTURE RESTRICTIONS (max hours per day) 0 2 4 6 8 Other\nStanding [ ] [ ] [ ] [ ] [X]\nSitting [ ] [ ] [ ] [ ] [X]\nKneeling/squatting [ ] [X] [ ] [ ] [ ]\n';
    const got = of(text, 'limitation').map((f) => [f.attributes.activity, f.attributes.limit, f.attributes.unit]);
    expect(got).toEqual([['kneel', 2, 'hours'], ['crouch', 2, 'hours']]);
  });
});

describe('an MMI opinion on the past, and its date further on', () => {
  const mmi = (text: string) => of(text, 'mmi_statement');
  it('"would be expected to have reached MMI no later than" is an opinion, not a prediction', () => {
    const m = mmi('In my opinion the claimant would be expected to have reached MMI no later than 06/22/2023, the date of the last examination.');
    expect(m.filter((f) => f.temporality === 'current').map((f) => [f.attributes.kind, f.attributes.mmiDate])).toEqual([['mmi', '2023-06-22']]);
  });
  it('a date its own words tie to the MMI, across a line', () => {
    const m = mmi('3. Maximum medical improvement. In my opinion Ms. Doe reached maximum medical improvement for any\n   collision-related injury no later than 05/26/2023, when she was discharged from chiropractic care.');
    expect(m.filter((f) => f.temporality === 'current').map((f) => f.attributes.mmiDate)).toContain('2023-05-26');
  });
  it('"will reach MMI" stays a prediction', () => {
    expect(mmi('She will reach MMI in about 6 weeks.').filter((f) => f.temporality === 'current')).toEqual([]);
  });
});

describe('who wrote a records review', () => {
  it('a letterhead in capitals with degree and fellowship names the author', async () => {
    const { findProviders, pickProvider } = await import('../src/segment/providers.js');
    const t = 'LAWRENCE D. FENNIMORE, M.D., F.A.A.O.S.\nOrthopaedic Surgery - Independent Medical Review\n';
    expect(pickProvider(findProviders(t, 0, t.length))?.provider).toEqual({ name: 'Lawrence D. Fennimore', credential: 'MD' });
  });
});

describe('words that name something else here', () => {
  // Mentions only: the test note's own visit fact depends on how the one-line note is classified.
  const mods = (text: string) => of(text, 'treatment').filter((f) => f.temporality === 'current' && !f.negated && !f.id.endsWith(':treatment:visit')).map((f) => f.attributes.modality);
  it.each([
    ['Carrier denial of RFA received; patient called upset.', 'radiofrequency_ablation'],
    ['RFA decision deferred pending the IME.', 'radiofrequency_ablation'],
    ['His office submitted the RFA for surgery.', 'radiofrequency_ablation'],
    ['Physical therapy: continue 2x/week; RFA for total of 12 visits.', 'radiofrequency_ablation'],
    ['FINANCIAL COUNSELING NOTE: Pt uninsured.', 'psychology'],
    ['11:55 discharged to home via wheelchair with spouse.', 'assistive_device'],
    ['Counseled re: falls, avoid neck manipulation/chiropractic, avoid ladders.', 'chiropractic'],
    ['Payer: BCBST PPO (visit limit 30 PT/OT/chiro combined per plan year)', 'chiropractic'],
    ['Totals: R knee 7 injections; L knee 3 injections.', 'other_injection'],
  ])('%s is not %s', (text, modality) => expect(mods(text)).not.toContain(modality));
  it('an ablation is still an ablation', () => {
    expect(of('PROCEDURE: Bilateral L4-5 RFA performed under fluoroscopy.', 'treatment').map((f) => f.attributes.modality)).toContain('radiofrequency_ablation');
  });
});

describe('more MMI wording', () => {
  const mmi = (text: string) => of(text, 'mmi_statement').filter((f) => f.temporality === 'current' && !f.negated).map((f) => f.attributes.kind);
  it('"he has not reached a plateau" is not at MMI', () => {
    expect(mmi('Recovery of cord function can continue for 12 to 18 months; he has not reached a plateau and I would reassess at one year.')).toEqual(['not_at_mmi']);
  });
  it.each([
    'I have reviewed the IME conclusion that Mr. Ferreira-Matos reached MMI in 02/2024.',
    'Per the IME, he reached MMI.',
    'Declared P&S with 0% WPI on 06/28/2022; she disagreed and elected to change PTP within the MPN.',
  ])('a treating note restating the examiner is not its own opinion: %s', (text) => expect(mmi(text)).toEqual([]));
});

describe('an operation named with nothing said of it', () => {
  const surgery = (text: string) => of(text, 'treatment').filter((f) => f.attributes.modality === 'surgery' && f.temporality === 'current' && !f.negated);
  it.each([
    'Discussed bariatric surgery referral again - afraid of surgery complications.',
    'Post-laminectomy syndrome with chronic bilateral L5 radiculopathy; weakness 4/5 since 09/2024.',
    'Her decision about surgery was reasonable given her caregiving duties.',
  ])('no operation: %s', (text) => expect(surgery(text).filter((f) => f.attributes.status === 'performed')).toEqual([]));
  it.each([
    ['She underwent L4-5 fusion.', 'performed'],
    ['Left knee arthroscopy on 05/14/2024 at the surgery center.', 'planned'],
  ])('an operation said to be done or dated: %s', (text, status) => {
    expect(of(text, 'treatment').filter((f) => f.attributes.modality === 'surgery').map((f) => f.attributes.status)).toContain(status);
  });
  it('a cost projection names future care, not care given', () => {
    const t = of('Estimated cost: chiropractic $2,640 + massage $3,840 (first 12 months).', 'treatment').filter((f) => f.attributes.modality === 'chiropractic' && !f.id.endsWith(':treatment:visit'));
    expect(t.filter((f) => f.temporality === 'current')).toEqual([]);
  });
});

describe('an urgent-care letterhead ruled off above the visit', () => {
  it('is the visit\'s own, and a nurse practitioner there is urgent care, not primary care', () => {
    const text = `SUNPOINT URGENT CARE - MESA
2145 E Southern Ave Ste 3, Mesa AZ 85204
---------------------------------------------------------------
PATIENT VISIT RECORD
Visit date: 11/19/2024  Arrived 08:31
Provider: Jessamyn Torres, FNP-C
---------------------------------------------------------------
CC: back pain flare x 3 days
Plan: Follow up with PCP within 1-2 weeks; needs new referral to spine clinic.
`;
    const encs = splitEncounters(textDoc(text));
    expect(encs.map((e) => [e.date, e.specialty])).toEqual([['2024-11-19', 'emergency']]);
  });
});

describe('procedures for flares, and the response to one given before', () => {
  const esi = (text: string) => of(text, 'treatment').filter((f) => f.attributes.modality === 'epidural_injection');
  it('"Caudal ESI prn flare" is an allowance for later, not a plan of this visit', () => {
    const t = esi('A/P: Post-laminectomy syndrome - stable. Continue pregabalin. Caudal ESI prn flare. RTC 3 mo.');
    expect(t.map((f) => f.temporality)).toEqual(['hypothetical']);
    expect(t[0].context.some((c) => c.trigger.startsWith('future care allowance'))).toBe(true);
  });
  it.each([
    'A/P: Post-laminectomy syndrome, partial response to caudal ESI.',
    'S: ESI benefit gone. Leg pain 7/10.',
  ])('how an earlier injection worked is no new injection: %s', (text) => expect(esi(text).filter((f) => f.temporality === 'current')).toEqual([]));
  it('"Caudal ESI - schedule next week" is planned', () => {
    expect(esi('1. Caudal ESI - schedule next week.').map((f) => f.attributes.status)).toEqual(['planned']);
  });
  it('a procedure note headed by its date and a bare signature is its own visit', () => {
    const text = 'FOLLOW-UP 11/09/2021   Provider: Mark Farr, MD\nA/P: Acute flare. Caudal ESI - schedule next week.\n\nPROCEDURE NOTE  11/16/2021   M. Farr, MD\nCaudal epidural steroid injection with fluoroscopy. No complications.\n';
    expect(splitEncounters(textDoc(text)).map((e) => e.date)).toEqual(['2021-11-09', '2021-11-16']);
  });
});

describe('papers that are not care', () => {
  it('a lawyer\'s mediation submission is administrative', async () => {
    const { classifyDocument } = await import('../src/segment/document-role.js');
    const doc = textDoc('HOLLIS & BAPTISTE, LLC\nTrial Lawyers\n200 Galleria Parkway SE, Atlanta, GA\n\nDecember 4, 2023\n\nCONFIDENTIAL MEDIATION SUBMISSION\nRe: Doe v. Roe Markets\n\nI. FACTS. She slipped in a puddle.\n');
    expect(classifyDocument(doc)).toMatchObject({ role: 'administrative', kind: 'representative' });
  });
  it('an informed refusal\'s "Recommended procedure:" line is a plan, not an operation done', () => {
    const t = of('INFORMED REFUSAL OF RECOMMENDED TREATMENT\nRecommended procedure: Right shoulder arthroscopy, labral debridement, paralabral cyst decompression.\n', 'treatment')
      .filter((f) => f.attributes.modality === 'surgery');
    expect(t.filter((f) => f.attributes.status === 'performed')).toEqual([]);
  });
  it('a similar name with another birth date is another patient', async () => {
    const { findMisfiled } = await import('../src/segment/identity.js');
    const mk = (file: string, head: string) => ({ ...textDoc(`${head}\nNote text.\n`), file, id: file });
    const found = findMisfiled([
      mk('a.txt', 'Patient: HUTTO, RAYMOND E    DOB: 02/27/1968'),
      mk('b.txt', 'Patient: HUTTO, RAYMOND E    DOB: 02/27/1968'),
      mk('c.txt', 'Patient: HUTTON, RAYMOND D    DOB: 09/14/1954'),
      mk('d.txt', 'Patient: CALLOWAY-ORTIZ, RENATA    DOB: 02/27/1968'),
    ]);
    expect([...found.keys()]).toEqual(['c.txt']);
  });
});

describe('one author, one discipline', () => {
  it('a pain doctor\'s note that mentions psychiatry is a pain-management visit; a family doctor is not made a psychiatrist', async () => {
    const { harmonizeEncounters } = await import('../src/segment/harmonize.js');
    const enc = (i: number, name: string, specialty: Encounter['specialty']): Encounter => ({
      id: `d#e${i}`, documentId: 'd', file: 'd.txt', start: i, end: i + 1, date: `2022-0${i}-01`, provider: { name, credential: 'MD' },
      specialty, kind: 'office_visit', evidence: [], source: 'note',
    });
    const pain = [enc(1, 'Nikhil Varghese', 'pain_management'), enc(2, 'Nikhil Varghese', 'pain_management'), enc(3, 'Nikhil Varghese', 'psychiatry'), enc(4, 'Nikhil Varghese', 'unknown')];
    harmonizeEncounters(pain, 'clinical');
    expect(pain.map((e) => e.specialty)).toEqual(['pain_management', 'pain_management', 'pain_management', 'pain_management']);
    const pcp = [enc(1, 'Greg Haver', 'psychiatry'), enc(2, 'Greg Haver', 'psychiatry'), enc(3, 'Greg Haver', 'primary_care')];
    harmonizeEncounters(pcp, 'clinical');
    expect(pcp.map((e) => e.specialty)).toEqual(['psychiatry', 'psychiatry', 'primary_care']);
  });
  it('a counsellor\'s letter that names the primary care provider is still the counsellor\'s (her licence names her discipline)', async () => {
    const { harmonizeEncounters } = await import('../src/segment/harmonize.js');
    const enc = (i: number, specialty: Encounter['specialty']): Encounter => ({
      id: `d#e${i}`, documentId: 'd', file: 'd.txt', start: i, end: i + 1, date: `2022-0${i}-01`, provider: { name: 'Brenda K. Roe', credential: 'MA, LCMHC' },
      specialty, kind: 'office_visit', evidence: [], source: 'note',
    });
    const list = [enc(1, 'psychology'), enc(2, 'primary_care')];
    harmonizeEncounters(list, 'clinical');
    expect(list.map((e) => e.specialty)).toEqual(['psychology', 'psychology']);
  });
  it('a physician\'s progress reports that order therapy are never a therapist\'s notes', async () => {
    const { harmonizeEncounters } = await import('../src/segment/harmonize.js');
    const enc = (i: number, specialty: Encounter['specialty'], kind: Encounter['kind']): Encounter => ({
      id: `d#e${i}`, documentId: 'd', file: 'd.txt', start: i, end: i + 1, date: `2023-0${i}-01`, provider: { name: 'M. O. Roe', credential: 'MD' },
      specialty, kind, evidence: [], source: 'note',
    });
    const list = [enc(1, 'unknown', 'office_visit'), enc(2, 'physical_therapy', 'pt_progress'), enc(3, 'physical_therapy', 'pt_progress')];
    harmonizeEncounters(list, 'clinical');
    expect(list.map((e) => [e.specialty, e.kind])).toEqual([['unknown', 'office_visit'], ['other', 'office_visit'], ['other', 'office_visit']]);
  });
  it('a signature at the end of a form\'s last line ("Next appointment: after MRI.      /s/ M. O. Roe, MD") names the author', async () => {
    const { findProviders } = await import('../src/segment/providers.js');
    const t = 'Has the patient reached MMI? [ ] Yes [X] No\nNext appointment: after MRI.      /s/ M. O. Roe, MD\n';
    expect(findProviders(t, 0, t.length).map((p) => p.provider)).toContainEqual({ name: 'M. O. Roe', credential: 'MD' });
  });
  it('an appointment with another service named in a short note does not make it that service\'s note', async () => {
    const { classifyEncounter } = await import('../src/segment/classify.js');
    const head = 'DOS 04/11/2023   Colton Reyes, PA-C\nS: Improved after ESI to baseline 6/10. MRI scheduled 04/18. Neurosurgery 05/16.\nA/P: Continue regimen. RTC 3 mo.';
    expect(classifyEncounter(head, head, 'PA-C').specialty).not.toBe('neurosurgery');
  });
});

describe('offers turned down', () => {
  const refs = (text: string) => of(text, 'plan_signal').filter((f) => f.attributes.signal === 'referral' && f.temporality === 'current');
  it.each([
    'She declines referral to the bariatric surgery program; prefers to try diet again with PCP.',
    '- Offered referral to the bariatric surgery program at Albany Regional Weight Center.\n- She declines referral; prefers to try diet again with her PCP.',
  ])('no open referral: %s', (text) => expect(refs(text)).toEqual([]));
});

describe('MMI statements that are about something else', () => {
  const mmi = (text: string) => of(text, 'mmi_statement').filter((f) => f.temporality === 'current' && !f.negated).map((f) => f.attributes.kind);
  it.each([
    'Functional capacity evaluation to set permanent restrictions, then final visit for MMI and impairment rating.',
    'Workers\' compensation claim; pt states he was "rated at MMI and closed out" in 1998.',
    'Treated with PT, chiropractic and trigger point injections through workers\' compensation; told she was at MMI in October.',
  ])('not an opinion: %s', (text) => expect(mmi(text)).toEqual([]));
  it('one side at MMI, the other not: the injury is not at MMI', () => {
    expect(mmi('Comment: right upper extremity at MMI as of 02/08/2024; left not at MMI - surgery pending.')).toEqual(['not_at_mmi']);
  });
  it('a side at MMI beside a line saying the other side is not', () => {
    const text = 'Assessment:\n- Right: she has reached maximum medical improvement for the right carpal tunnel release.\n- Left: not at MMI; left release pending authorization.\n';
    expect(mmi(text)).toEqual(['not_at_mmi']);
  });
});

describe('an implanted stimulator and an old operation in today\'s assessment', () => {
  it('"after R TKA (arthrofibrosis), stable since 2023" is no operation today', () => {
    const t = of('Chronic pain and stiffness after R TKA (arthrofibrosis), stable since 2023.', 'treatment').filter((f) => f.attributes.modality === 'surgery' && f.temporality === 'current');
    expect(t).toEqual([]);
  });
});

describe('OCR letters in a faxed page', () => {
  it('reads "stab1e" and "Fo1low up in 3 months" as words, quoting the page as printed', async () => {
    const { ocrLetters } = await import('../src/extract/mention.js');
    expect(ocrLetters('Chronic pain - stab1e on current regimen. Fo1low Up: 3 months. c0ntrast')).toBe('Chronic pain - stable on current regimen. Follow Up: 3 months. contrast');
    expect(ocrLetters('L5-S1 TFESI, q1h prn, T1 and C1, 10/10')).toBe('L5-S1 TFESI, q1h prn, T1 and C1, 10/10');
    const signals = of('Chronic pain - stab1e. Fo1low up in 3 months.', 'plan_signal');
    expect(signals.map((f) => f.attributes.signal)).toContain('return_to_clinic');
    expect(signals.every((f) => f.evidence.every((e) => e.quote.includes('1')))).toBe(true);
  });
});
