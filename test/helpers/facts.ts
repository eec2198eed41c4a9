import type { AnalysisInput } from '../../src/analyze/index.js';
import type {
  BillingLine, Claim, Encounter, EncounterKind, Evidence, Fact, FactOf, FactType, SourceDocument, Specialty,
} from '../../src/model/index.js';

export interface ProviderSpec { name?: string; credential?: string; specialty?: Specialty; kind?: EncounterKind; documentRole?: Encounter['documentRole']; documentTitle?: string; title?: string; source?: Encounter['source'] }

export interface FactOptions {
  negated?: boolean;
  certainty?: Fact['certainty'];
  temporality?: Fact['temporality'];
  experiencer?: Fact['experiencer'];
  /** Date the fact applies to when it differs from the visit date. */
  date?: string;
  /** Cite only this part of the sentence (must occur in it). */
  cite?: string;
  /** The context cues behind the fact's temporality (a recommending verb, a condition). */
  context?: Fact['context'];
}

interface FileState { text: string; encounters: Encounter[] }

/**
 * Builds a small synthetic record: each visit appends a header and sentences to a text file,
 * and each fact's evidence points at the words just written, so quotes always equal the source text.
 */
export class CaseBuilder {
  private files = new Map<string, FileState>();
  private currentFile = 'notes.txt';
  private current?: Encounter;
  readonly facts: Fact[] = [];
  private n = 0;

  file(name: string): this {
    this.closeEncounter();
    this.currentFile = name;
    return this;
  }

  private state(): FileState {
    let s = this.files.get(this.currentFile);
    if (!s) { s = { text: '', encounters: [] }; this.files.set(this.currentFile, s); }
    return s;
  }

  private evidenceAt(start: number, end: number): Evidence {
    const s = this.state();
    const page = (s.text.slice(0, start).match(/\f/g)?.length ?? 0) + 1;
    return { file: this.currentFile, page, start, end, quote: s.text.slice(start, end) };
  }

  private closeEncounter(): void {
    if (this.current) this.current.end = this.files.get(this.current.file)!.text.length;
    this.current = undefined;
  }

  /** Start a visit: a page break and a header line "Date of service: … Provider: …". */
  visit(date: string | undefined, p: ProviderSpec = {}, billing?: Omit<BillingLine, 'evidence' | 'date'>[]): this {
    this.closeEncounter();
    const s = this.state();
    if (s.text.length) s.text += '\f';
    const start = s.text.length;
    const header = `Date of service: ${date ?? 'unknown'}  Provider: ${p.name ?? 'unknown'}${p.credential ? `, ${p.credential}` : ''}\n`;
    s.text += header;
    const ev = this.evidenceAt(start, start + header.length - 1);
    const enc: Encounter = {
      id: `${this.currentFile}#e${s.encounters.length + 1}`, documentId: this.currentFile, file: this.currentFile,
      start, end: s.text.length, date, provider: { name: p.name, credential: p.credential },
      specialty: p.specialty ?? 'unknown', kind: p.kind ?? 'office_visit', evidence: [ev], source: p.source ?? 'note', ...(p.title ? { title: p.title } : {}),
      billing: billing?.map((b) => ({ ...b, date: date ?? '', evidence: ev })),
      ...(p.documentRole ? { documentRole: p.documentRole } : {}), ...(p.documentTitle ? { documentTitle: p.documentTitle } : {}),
    };
    s.encounters.push(enc);
    this.current = enc;
    return this;
  }

  /** A ledger row in the current file: a billing encounter (source 'ledger') whose lines cite the row. */
  bill(date: string, provider: string, lines: Omit<BillingLine, 'evidence' | 'date' | 'provider'>[], specialty: Encounter['specialty'] = 'unknown'): this {
    this.closeEncounter();
    const s = this.state();
    const start = s.text.length;
    const row = `${date},${provider},${lines.map((l) => l.code ?? '').join(' ')},${lines.reduce((n, l) => n + (l.charge ?? 0), 0)}`;
    s.text += `${row}\n`;
    const ev = this.evidenceAt(start, start + row.length);
    s.encounters.push({
      id: `${this.currentFile}#e${s.encounters.length + 1}`, documentId: this.currentFile, file: this.currentFile,
      start, end: s.text.length, date, provider: { name: provider }, specialty, kind: 'billing', evidence: [ev],
      source: 'ledger', billing: lines.map((l) => ({ ...l, date, provider, evidence: ev })),
    });
    return this;
  }

  /** Write a sentence with no fact (context, filler). */
  say(sentence: string): this {
    this.state().text += `${sentence} `;
    return this;
  }

  /** Write a sentence and record a fact citing it. */
  fact<T extends FactType>(type: T, attributes: FactOf<T>['attributes'], sentence: string, o: FactOptions = {}): this {
    if (!this.current) throw new Error('fact() before visit()');
    const s = this.state();
    const sStart = s.text.length;
    s.text += `${sentence} `;
    const offset = o.cite ? sentence.indexOf(o.cite) : 0;
    if (offset < 0) throw new Error(`cite "${o.cite}" not in sentence`);
    const start = sStart + offset;
    const end = start + (o.cite ?? sentence).length;
    this.facts.push({
      id: `f${++this.n}`, type, attributes, encounterId: this.current.id,
      date: o.date ?? this.current.date, dateSource: o.date ? 'sentence' : 'encounter',
      negated: o.negated ?? false, certainty: o.certainty ?? 'affirmed', temporality: o.temporality ?? 'current',
      experiencer: o.experiencer ?? 'patient', context: o.context ?? [], evidence: [this.evidenceAt(start, end)],
    } as Fact);
    return this;
  }

  documents(): SourceDocument[] {
    this.closeEncounter();
    return [...this.files].map(([file, s]) => {
      const pages: SourceDocument['pages'] = [];
      let start = 0;
      s.text.split('\f').forEach((chunk, i) => { pages.push({ n: i + 1, start, end: start + chunk.length }); start += chunk.length + 1; });
      return { id: file, file, kind: 'text', text: s.text, pages, warnings: [], meta: {} };
    });
  }

  input(claim: Claim = { type: 'general' }): AnalysisInput {
    const documents = this.documents();
    return {
      claim,
      documents: documents.map((d) => ({ file: d.file, kind: d.kind, status: 'ok', warnings: [], pages: d.pages.length, encounters: [] })),
      encounters: [...this.files.values()].flatMap((s) => s.encounters),
      facts: this.facts,
    };
  }
}

export const DR_LEE: ProviderSpec = { name: 'Dr. Lee', credential: 'MD', specialty: 'pain_management' };
export const DR_PATEL: ProviderSpec = { name: 'Dr. Patel', credential: 'MD', specialty: 'primary_care' };
export const DR_KIM: ProviderSpec = { name: 'Dr. Kim', credential: 'MD', specialty: 'orthopedic_surgery' };
export const PT_RIVERA: ProviderSpec = { name: 'Ana Rivera', credential: 'DPT', specialty: 'physical_therapy', kind: 'pt_progress' };
export const DC_OLSEN: ProviderSpec = { name: 'Mark Olsen', credential: 'DC', specialty: 'chiropractic' };

/**
 * Chronic lumbar radiculopathy, 19 months, five providers: two PT courses, three epidurals with fading relief,
 * surgery declined, then maintenance visits. MMI is never written; the pattern implies it from 2024-03-01.
 */
export function chronicLumbarCase(): CaseBuilder {
  const b = new CaseBuilder();
  b.file('pcp.txt')
    .visit('2023-02-20', DR_PATEL)
    .say('45 yo F c/o LBP radiating down L leg x 3 wks after lifting boxes at work.')
    .fact('outcome_measure', { instrument: 'NRS', value: 8, max: 10 }, 'Pain 8/10.')
    .fact('limitation', { activity: 'sit', limit: 30, unit: 'minutes', source: 'patient', text: 'sit 30 minutes' }, 'She reports she cannot sit more than 30 minutes.')
    .fact('treatment', { modality: 'surgery', status: 'performed' }, 'FHx: mother had a lumbar fusion.', { experiencer: 'other' })
    .fact('plan_signal', { signal: 'referral', target: 'physical therapy' }, 'Refer to PT 2x/wk x 6 wks.')
    .file('pt-course-1.txt')
    .visit('2023-03-01', { ...PT_RIVERA, kind: 'pt_evaluation' })
    .fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT initial evaluation completed; therapeutic exercise and manual therapy initiated.')
    .fact('outcome_measure', { instrument: 'ODI', value: 48, max: 100 }, 'Oswestry 48%.')
    .visit('2023-03-15', PT_RIVERA)
    .fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'Pt tolerated ther ex, core stabilization progressed.')
    .visit('2023-04-12', { ...PT_RIVERA, kind: 'pt_discharge' })
    .fact('treatment', { modality: 'physical_therapy', status: 'completed', sessions: 12 }, 'Discharged from PT after 12 visits, goals partially met.')
    .fact('outcome_measure', { instrument: 'ODI', value: 40, max: 100 }, 'ODI 40%.')
    .file('pain.txt')
    .visit('2023-04-20', DR_LEE)
    .fact('objective_finding', { category: 'imaging', finding: 'disc_herniation', label: 'L5-S1 disc herniation', level: 'L5-S1', abnormal: true }, 'MRI 4/10/23: L5-S1 paracentral herniation contacting the L S1 nerve root.')
    .fact('objective_finding', { category: 'exam', finding: 'positive_slr', label: 'positive straight-leg raise', side: 'left', abnormal: true }, 'SLR positive on the left at 40 degrees.')
    .fact('treatment', { modality: 'epidural_injection', status: 'recommended' }, 'Plan L5-S1 TFESI.')
    .visit('2023-05-01', { ...DR_LEE, kind: 'procedure_note' }, [{ code: '64483', charge: 1200 }])
    .fact('treatment', { modality: 'epidural_injection', subtype: 'transforaminal', level: 'L5-S1', status: 'performed', cpt: '64483' }, 'Left L5-S1 transforaminal epidural steroid injection performed under fluoroscopy.')
    .visit('2023-06-15', DR_LEE)
    .fact('benefit', { percentRelief: 60, durationDays: 42, modality: 'epidural_injection' }, 'She reports 60% relief lasting about 6 weeks after the TFESI.')
    .fact('treatment', { modality: 'epidural_injection', status: 'planned' }, 'Will repeat TFESI.')
    .visit('2023-07-10', { ...DR_LEE, kind: 'procedure_note' }, [{ code: '64483', charge: 1200 }])
    .fact('treatment', { modality: 'epidural_injection', subtype: 'transforaminal', level: 'L5-S1', status: 'performed', cpt: '64483' }, 'Repeat left L5-S1 TFESI performed without complication.')
    .visit('2023-08-10', DR_LEE)
    .fact('benefit', { percentRelief: 40, durationDays: 21, modality: 'epidural_injection' }, 'Second injection gave 40% relief for 3 weeks.')
    .fact('plan_signal', { signal: 'referral', target: 'spine surgery' }, 'Referred to Dr. Kim for surgical opinion.')
    .file('ortho.txt')
    .visit('2023-09-05', { ...DR_KIM, kind: 'consultation' })
    .fact('treatment', { modality: 'surgical_consultation', status: 'performed' }, 'Spine surgery consultation for L5-S1 HNP.')
    .fact('treatment', { modality: 'surgery', subtype: 'microdiscectomy', status: 'recommended' }, 'I recommended L5-S1 microdiscectomy.')
    .visit('2023-09-20', DR_KIM)
    .fact('treatment', { modality: 'surgery', subtype: 'microdiscectomy', status: 'declined', reasonStopped: 'fear of complications' }, 'Patient declines surgery due to fear of complications after discussing risks.')
    .fact('plan_signal', { signal: 'surgery_declined' }, 'She elects to continue conservative care.')
    .file('pt-course-2.txt')
    .visit('2023-11-01', { ...PT_RIVERA, kind: 'pt_evaluation' })
    .fact('treatment', { modality: 'physical_therapy', status: 'performed' }, 'PT re-evaluation: second episode of care initiated.')
    .fact('outcome_measure', { instrument: 'ODI', value: 46, max: 100 }, 'ODI 46%.')
    .visit('2023-12-15', { ...PT_RIVERA, kind: 'pt_discharge' })
    .fact('treatment', { modality: 'physical_therapy', status: 'completed', sessions: 10 }, 'Discharged to HEP after 10 visits; progress has plateaued.')
    .fact('outcome_measure', { instrument: 'ODI', value: 45, max: 100 }, 'ODI 45%.')
    .file('pain.txt')
    .visit('2024-01-15', { ...DR_LEE, kind: 'procedure_note' }, [{ code: '64483', charge: 1250 }])
    .fact('treatment', { modality: 'epidural_injection', subtype: 'transforaminal', level: 'L5-S1', status: 'performed', cpt: '64483' }, 'Third left L5-S1 TFESI performed.')
    .visit('2024-02-01', DR_LEE)
    .fact('benefit', { percentRelief: 20, durationDays: 7, modality: 'epidural_injection' }, 'Only 20% relief for one week after the third injection.')
    .visit('2024-03-01', DR_LEE)
    .fact('outcome_measure', { instrument: 'ODI', value: 44, max: 100 }, 'ODI 44%.')
    .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current management with gabapentin 600 mg TID and HEP.')
    .visit('2024-06-01', DR_LEE)
    .fact('outcome_measure', { instrument: 'ODI', value: 42, max: 100 }, 'ODI 42%.')
    .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'no lifting over 10 lb' }, 'Restrictions: no lifting over 10 lb.')
    .fact('treatment', { modality: 'spinal_cord_stimulator', status: 'recommended' }, 'If symptoms worsen we could consider an SCS trial.', { temporality: 'hypothetical' })
    .fact('plan_signal', { signal: 'continue_current_management' }, 'Continue current regimen; RTC 3 months.')
    .file('pcp.txt')
    .visit('2024-07-01', DR_PATEL)
    .fact('limitation', { activity: 'lift', limit: 10, unit: 'lb', source: 'provider', text: 'lift max 10 lbs' }, 'She should lift no more than 10 lbs.')
    .fact('limitation', { activity: 'sit', limit: 30, unit: 'minutes', source: 'provider', text: 'sit 30 minutes at a time' }, 'Needs to change position after sitting 30 minutes at a time.')
    .fact('plan_signal', { signal: 'continue_current_management' }, 'Chronic LBP, stable; continue current meds.')
    .file('pain.txt')
    .visit('2024-09-03', DR_LEE)
    .fact('outcome_measure', { instrument: 'ODI', value: 43, max: 100 }, 'ODI 43%.')
    .fact('limitation', { activity: 'sit', limit: 30, unit: 'minutes', source: 'provider', text: 'sit 30 minutes' }, 'She must alternate sitting and standing every 30 minutes.')
    .fact('prognosis', { outlook: 'poor', text: 'poor' }, 'Prognosis for return to prior work is poor.')
    .fact('plan_signal', { signal: 'follow_up_prn' }, 'Follow up as needed for medication management.');
  return b;
}
