import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsOf } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';
import { listingChecklist, musculoskeletalListings, type CriterionNode, type ListingPattern, type ListingResult } from '../src/profiles/ssa/listings.js';
import { ActivitySchema, ModalitySchema } from '../src/model/index.js';

/** A treating note in the usual order; each test replaces the sections it is about. */
interface Note { hpi?: string; exam?: string; imaging?: string; assessment?: string; plan?: string; later?: string }

const LUMBAR_115: Required<Omit<Note, 'later'>> = {
  hpi: 'Low back pain radiating down the left leg to the lateral foot for two years.',
  exam: 'Positive straight leg raise on the left at 40 degrees, seated and supine. Motor weakness of the left EHL and ankle dorsiflexors, 4/5. '
    + 'Decreased sensation to light touch over the dorsum of the left foot. Diminished left Achilles reflex.',
  imaging: 'MRI lumbar spine 02/20/2024: L4-5 disc extrusion with compression of the left L5 nerve root.',
  assessment: 'Left L5 lumbar radiculopathy due to L4-5 disc extrusion.',
  plan: 'She requires a rolling walker for all ambulation because of left leg weakness and falls; the need for the walker is expected to last at least 12 months.',
};

const CERVICAL_115: Required<Omit<Note, 'later'>> = {
  hpi: 'Neck pain radiating into the right arm and hand.',
  exam: "Positive Spurling's test on the right. Weakness of the right triceps, 4/5. Diminished right triceps reflex.",
  imaging: 'MRI cervical spine 03/01/2024: C6-7 foraminal stenosis with impingement on the exiting right C7 nerve root.',
  assessment: 'Right C7 cervical radiculopathy.',
  plan: 'Cannot use the left arm for fine and gross movements because of a prior brachial plexus injury. '
    + 'Requires a single-point cane in the right hand for all ambulation; permanent.',
};

const STENOSIS_116: Required<Omit<Note, 'later'>> = {
  hpi: 'She can walk only one block before bilateral leg pain and numbness force her to sit down; symptoms ease when she sits or bends forward.',
  exam: 'Bilateral lower extremity strength 4/5 at the hip flexors and ankle dorsiflexors. Decreased sensation to pinprick in both feet. '
    + 'Patellar and Achilles reflexes are absent bilaterally. Negative straight leg raise bilaterally.',
  imaging: 'MRI lumbar spine 01/30/2024: Severe central canal stenosis at L3-4 and L4-5 with compression of the cauda equina.',
  assessment: 'Lumbar spinal stenosis with neurogenic claudication.',
  plan: 'She requires a rolling walker for all ambulation outside the home; she is expected to need it permanently.',
};

function noteText(n: Note): string {
  return [
    `HISTORY OF PRESENT ILLNESS:\n${n.hpi ?? ''}`,
    `PHYSICAL EXAMINATION:\n${n.exam ?? ''}`,
    `IMAGING:\n${n.imaging ?? ''}`,
    `ASSESSMENT:\n${n.assessment ?? ''}`,
    `PLAN:\n${n.plan ?? ''}`,
    ...(n.later ? [n.later] : []),
  ].join('\n\n');
}

/** The checklist on the facts the extractor produces from the note (factsOf dates it 03/14/2024). */
function check(n: Note): { byListing: Record<string, ListingResult>; status: (listing: string, id: string) => string | undefined } {
  const { doc, facts } = factsOf(noteText(n));
  const results = listingChecklist(facts);
  expectValidCitations(results, [doc]);
  const byListing = Object.fromEntries(results.map((r) => [r.listing, r]));
  return { byListing, status: (listing, id) => byListing[listing].criteria.find((c) => c.id === id)?.status };
}

describe('listing met: every criterion documented within 4 months', () => {
  it.each<[string, '1.15' | '1.16', Note, [string, string]]>([
    ['1.15, lumbar: radicular pain, positive SLR with weakness and decreased reflex, MRI nerve root compression, a walker needed for 12 months', '1.15', LUMBAR_115, ['2024-02-20', '2024-03-14']],
    ['1.15, lumbar, bilateral crutches needed', '1.15', { ...LUMBAR_115, plan: 'She requires bilateral forearm crutches for all ambulation, permanently.' }, ['2024-02-20', '2024-03-14']],
    ['1.15, lumbar, two canes needed', '1.15', { ...LUMBAR_115, plan: 'She needs two canes for all ambulation; this need is permanent.' }, ['2024-02-20', '2024-03-14']],
    ['1.15, cervical: Spurling, triceps weakness and reflex, foraminal impingement of C7, one unusable arm and a needed cane (D2)', '1.15', CERVICAL_115, ['2024-03-01', '2024-03-14']],
    ['1.16: neurogenic claudication, weakness with sensory and reflex loss, stenosis compressing the cauda equina, a walker needed permanently', '1.16', STENOSIS_116, ['2024-01-30', '2024-03-14']],
  ])('%s', (_name, listing, note, window) => {
    const { byListing } = check(note);
    const r = byListing[listing];
    expect(r.missing).toEqual([]);
    expect(r.withinFourMonths).toEqual({ met: true, window });
    expect(r.met).toBe(true);
    for (const id of ['A', 'B', 'C', 'D']) {
      const c = r.criteria.find((x) => x.id === id)!;
      expect(c.status).toBe('documented');
      expect(c.evidence.length).toBeGreaterThan(0);
    }
  });

  it('the full lumbar record documents each element with its own quote', () => {
    const { byListing, status } = check(LUMBAR_115);
    const quotes = (id: string) => byListing['1.15'].criteria.find((c) => c.id === id)!.evidence.map((e) => e.quote).join(' | ');
    expect(quotes('A1')).toContain('lumbar radiculopathy');
    expect(quotes('B1')).toContain('weakness of the left EHL');
    expect(quotes('B2')).toContain('Positive straight leg raise');
    expect(quotes('B4')).toContain('Diminished left Achilles reflex');
    expect(quotes('C')).toContain('compression of the left L5 nerve root');
    expect(quotes('D1')).toContain('requires a rolling walker');
    expect(status('1.15', 'D2')).toBe('missing');
    // The same record is not a cauda equina stenosis.
    expect(byListing['1.16'].met).toBe(false);
    expect(status('1.16', 'C')).toBe('missing');
  });
});

describe('listing not met: what is missing', () => {
  it.each<[string, '1.15' | '1.16', Note, string[], RegExp]>([
    ['negative straight leg raise', '1.15',
      { ...LUMBAR_115, exam: LUMBAR_115.exam.replace('Positive straight leg raise on the left at 40 degrees, seated and supine.', 'Negative straight leg raise bilaterally.') },
      ['B', 'B2'], /1\.15B2: .*straight-leg raise.*records a negative straight-leg raise/],
    ['"no radiculopathy" in the assessment', '1.15',
      { ...LUMBAR_115, assessment: '1. L4-5 disc extrusion.\n2. No evidence of radiculopathy.' },
      ['A', 'A1'], /1\.15A: .*states there is no radiculopathy/],
    ['a cane used only in the past', '1.15',
      { ...LUMBAR_115, plan: 'She used a cane in the past after knee surgery.' },
      ['D', 'D-need', 'D1', 'D-duration'], /1\.15D-need: .*only as past use/],
    ['a walker seen in use, no medical need stated', '1.15',
      { ...LUMBAR_115, plan: 'She ambulates with a rolling walker, which she expects to use permanently.' },
      ['D', 'D-need', 'D1'], /mentions a walker .* does not state that it is medically needed/],
    ['a walker only considered', '1.15',
      { ...LUMBAR_115, plan: 'Consider a rolling walker if her balance worsens. Her limitations are permanent.' },
      ['D', 'D-need', 'D1'], /1\.15D-need: /],
    ['one cane needed, both arms usable', '1.15',
      { ...LUMBAR_115, plan: 'She requires a single-point cane in the right hand for all ambulation, permanently.' },
      ['D', 'D-need', 'D1', 'D2', 'D2a'], /need for one cane .*two canes, or with one arm that cannot be used/],
    ['no nerve root compression on the MRI', '1.15',
      { ...LUMBAR_115, imaging: 'MRI lumbar spine 02/20/2024: L4-5 disc protrusion with mild foraminal narrowing.' },
      ['C'], /1\.15C: .*shows (?:disc protrusion|foraminal narrowing), but no report says it compresses a nerve root/],
    ['lumbar stenosis without cauda equina compromise', '1.16',
      { ...STENOSIS_116, imaging: 'MRI lumbar spine 01/30/2024: Moderate central canal stenosis at L4-5.' },
      ['C'], /1\.16C: .*without saying that it compromises the cauda equina/],
    ['no duration for the device need', '1.16',
      { ...STENOSIS_116, plan: 'She requires a rolling walker for all ambulation outside the home.' },
      ['D', 'D-duration'], /1\.16D-duration: .*12 continuous months/],
  ])('%s', (_name, listing, note, missingIds, says) => {
    const { byListing, status } = check(note);
    const r = byListing[listing];
    expect(r.met).toBe(false);
    for (const id of missingIds) expect([id, status(listing, id)]).toEqual([id, 'missing']);
    expect(r.missing.join('\n')).toMatch(says);
    expect(r.withinFourMonths).toBeUndefined();
  });

  it('findings 9 months apart: every criterion documented, but not within one 4-month period', () => {
    const { byListing } = check({
      ...LUMBAR_115, plan: '',
      later: `DATE OF SERVICE: 12/10/2024\nPLAN:\n${LUMBAR_115.plan}`,
    });
    const r = byListing['1.15'];
    for (const id of ['A', 'B', 'C', 'D']) expect(r.criteria.find((c) => c.id === id)!.status).toBe('documented');
    expect(r.withinFourMonths).toEqual({ met: false });
    expect(r.met).toBe(false);
    expect(r.missing).toHaveLength(1);
    expect(r.missing[0]).toMatch(/^1\.15 \(1\.00C7\): A, B, C and D are each documented, but not within one consecutive 4-month period/);
    expect(r.missing[0]).toContain('D: 2024-12-10');
  });

  it('a device need documented at visits 13 months apart shows the 12-month duration without a prognosis', () => {
    const plan = 'She requires a rolling walker for all ambulation because of left leg weakness and falls.';
    const once = check({ ...LUMBAR_115, plan });
    expect(once.status('1.15', 'D-duration')).toBe('missing');
    const twice = check({ ...LUMBAR_115, plan, later: `DATE OF SERVICE: 04/20/2025\nPLAN:\n${plan}` });
    expect(twice.status('1.15', 'D-duration')).toBe('documented');
    expect(twice.byListing['1.15'].criteria.find((c) => c.id === 'D-duration')!.evidence).toHaveLength(2);
    expect(twice.byListing['1.15'].met).toBe(true);
  });

  it('findings within 4 months across two visits still meet the listing', () => {
    const { byListing } = check({ ...LUMBAR_115, plan: '', later: `DATE OF SERVICE: 05/20/2024\nPLAN:\n${LUMBAR_115.plan}` });
    expect(byListing['1.15'].withinFourMonths).toEqual({ met: true, window: ['2024-02-20', '2024-05-20'] });
    expect(byListing['1.15'].met).toBe(true);
  });
});

describe('only asserted facts about the claimant document a criterion', () => {
  it.each([
    ['No radiculopathy.'],
    ['Lumbar strain without radiculopathy.'],
    ['No evidence of radiculopathy.'],
    ['Negative for radiculopathy.'],
    ['Rule out lumbar radiculopathy.'],
    ['Radiculopathy ruled out.'],
  ])('assessment "%s" does not document 1.15A', (assessment) => {
    const { status } = check({ ...LUMBAR_115, assessment });
    expect(status('1.15', 'A1')).toBe('missing');
    expect(status('1.15', 'A')).toBe('missing');
  });

  it.each([
    ['She does not need a walker.'],
    ['Her mother requires a walker.'],
    ['She may need a walker in the future.'],
    ['If her balance worsens, she will need a walker.'],
    ['Walker prescribed but she declined it.'],
    ['Walker discontinued; she no longer requires it.'],
    ['She previously required a walker after her hip replacement.'],
  ])('plan "%s" does not document a device need', (plan) => {
    const { status } = check({ ...LUMBAR_115, plan });
    expect(status('1.15', 'D1')).toBe('missing');
    expect(status('1.15', 'D')).toBe('missing');
  });

  it.each([
    ['Negative straight leg raise bilaterally.', 'B2'],
    ['Strength 5/5 throughout.', 'B1'],
    ['Reflexes 2+ and symmetric. Sensation intact.', 'B3-or-B4'],
  ])('exam "%s" (a normal finding) leaves %s missing', (exam, id) => {
    const { status } = check({ ...LUMBAR_115, exam });
    expect(status('1.15', id)).toBe('missing');
  });
});

describe('the data file', () => {
  const data = musculoskeletalListings();
  const findings = new Set((JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../lexicon/extract/findings.json'), 'utf8')) as { entries: { id: string }[] }).entries.map((e) => e.id));
  const nodes = (listing: (typeof data.listings)[number]): CriterionNode[] => {
    const out: CriterionNode[] = [];
    const walk = (ns: CriterionNode[]) => { for (const n of ns) { out.push(n); walk(n.elements ?? []); } };
    walk(listing.criteria);
    return out;
  };
  const patterns = (n: CriterionNode): { pattern: ListingPattern; hint: boolean }[] => [
    ...(n.documentedBy ?? []).map((pattern) => ({ pattern, hint: false })),
    ...(n.hints ?? []).flatMap((h) => h.when.map((pattern) => ({ pattern, hint: true }))),
  ];

  it('loads, and has the two listings with A-D and the 4-month time rule', () => {
    expect(data.listings.map((l) => l.id)).toEqual(['1.15', '1.16']);
    for (const l of data.listings) expect(l.criteria.map((c) => c.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(data.timeRule.windowMonths).toBe(4);
    expect(data.timeRule.reference).toContain('1.00C7');
  });

  it('every listing and criterion has a reference; every listing a URL and a checked source', () => {
    const sources = new Set(data.sources.map((s) => s.id));
    for (const l of data.listings) {
      expect(l.url).toMatch(/^https:\/\/www\.ssa\.gov\//);
      expect(l.reference).toContain(l.id);
      expect(sources.has(l.textSource)).toBe(true);
      for (const n of nodes(l)) {
        expect([l.id, n.id, n.reference]).toEqual([l.id, n.id, expect.stringMatching(new RegExp(`^${l.id.replace('.', '\\.')}[A-D]`))]);
        expect(n.text.length).toBeGreaterThan(10);
      }
    }
  });

  it('every leaf says how it is documented and what to ask for; every group how its elements combine', () => {
    for (const l of data.listings) for (const n of nodes(l)) {
      if (n.elements) {
        expect([n.id, n.logic]).toEqual([n.id, expect.stringMatching(/^(?:all|any)$/)]);
        expect(n.documentedBy).toBeUndefined();
        if (n.logic === 'any') expect([n.id, typeof n.missing]).toEqual([n.id, 'string']);
      } else {
        expect([n.id, n.documentedBy?.length ?? 0]).not.toEqual([n.id, 0]);
        expect([n.id, typeof n.missing]).toEqual([n.id, 'string']);
      }
    }
  });

  it('patterns name real finding ids (or proposed ones), modalities, activities, phrase sets and elements', () => {
    const modalities = new Set<string>(ModalitySchema.options);
    const activities = new Set<string>(ActivitySchema.options);
    for (const l of data.listings) {
      const ids = new Set(nodes(l).map((n) => n.id));
      for (const n of nodes(l)) for (const { pattern: p, hint } of patterns(n)) {
        for (const f of p.findings ?? []) expect([n.id, f, findings.has(f) || f in data.proposedFindings]).toEqual([n.id, f, true]);
        if (p.modality) expect(modalities.has(p.modality)).toBe(true);
        for (const a of p.activities ?? []) expect([n.id, a, activities.has(a)]).toEqual([n.id, a, true]);
        for (const ph of [...(p.phrases ?? []), ...(p.requires ?? []), ...(p.excludes ?? [])]) {
          if (ph.startsWith('@')) expect([n.id, ph, ph.slice(1) in data.phraseSets]).toEqual([n.id, ph, true]);
          else expect(() => new RegExp(ph)).not.toThrow();
        }
        for (const id of p.of ?? []) expect([n.id, id, ids.has(id)]).toEqual([n.id, id, true]);
        // Only hints may look at denied or past facts: a criterion is documented by asserted facts alone.
        if (!hint) expect([n.id, p.negated, p.temporality]).toEqual([n.id, undefined, undefined]);
      }
    }
    for (const set of Object.values(data.phraseSets)) for (const ph of set) expect(() => new RegExp(ph, 'i')).not.toThrow();
  });

  it('proposed finding ids are not yet produced by the extractor (move them out when a lexicon entry is added)', () => {
    for (const id of Object.keys(data.proposedFindings).filter((k) => k !== '$comment')) expect([id, findings.has(id)]).toEqual([id, false]);
  });
});
