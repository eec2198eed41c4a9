import { describe, expect, it } from 'vitest';
import type { CaseAnalysis, Gap } from '../src/model/index.js';
import { renderLetters, renderReport } from '../src/report/index.js';
import { fixtureAnalysis } from './fixtures/analysis-fixture.js';
import { allEvidence } from './report-helpers.js';

const letters = renderLetters(fixtureAnalysis);

describe('request letters', () => {
  it('writes one letter per recipient, the most urgent first', () => {
    expect(letters.map((l) => l.to)).toEqual(['Priya Natarajan, MD', 'Samuel Okafor, MD', 'Marcus Lee, DPT']);
  });

  it("gathers all of a provider's gap requests, high severity first, each with why and where", () => {
    const body = letters[0].body;
    expect(body).toContain('Please answer the following 3 questions');
    const asks = [...body.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => m[2]);
    expect(asks).toEqual([
      'In your opinion, has the patient reached maximum medical improvement, and if so on what date?',
      'Please complete a physical medical source statement covering sit/stand/walk, lift/carry, postural limits and expected absences.',
      'What percent relief did the 06/15/2023 L5-S1 ESI give, and for how many weeks?',
    ]);
    expect(body).toContain('   Why we ask: The second L5-S1 ESI (2023-06-15) has no recorded percent relief or how long it lasted.');
    expect(body).toContain('     - records/pain-management.txt p.2: "Second ESI performed today at L5-S1"');
  });

  it('identifies the claim, leaves the claimant identity to fill in, and asks for an opinion only when needed', () => {
    expect(letters[0].body).toContain('Re: [Claimant name], date of birth [date of birth]. Social Security Disability Insurance (SSDI) claim; alleged onset 2023-02-14; date last insured 2025-12-31.');
    expect(letters[0].subject).toBe('Request for medical opinion and records: [Claimant name], DOB [date of birth]');
    expect(letters[1].subject).toBe('Request for medical records: [Claimant name], DOB [date of birth]');
    expect(letters[1].body).toContain('Please answer the following question, or send any records that already address it:');
    expect(letters[1].body).toContain('     - Ex. 5F/2, Tr. 488: "Patient declined surgery at this time"');
  });

  it('speaks of the date of injury for a workers\' comp claim', () => {
    const wc = renderLetters({ ...fixtureAnalysis, claim: { type: 'workers_comp', onset: '2023-02-14' } });
    expect(wc[0].body).toContain("Workers' compensation claim; date of injury 2023-02-14.");
  });

  it('merges requests to the same recipient however they are spaced or cased', () => {
    const extra: Gap = { ...fixtureAnalysis.gaps[3], ruleId: 'no-prognosis', request: { to: '  samuel  okafor, MD ', ask: 'What is the expected course over the next 12 months?' } };
    const merged = renderLetters({ ...fixtureAnalysis, gaps: [...fixtureAnalysis.gaps, extra] });
    expect(merged).toHaveLength(3);
    expect(merged[1].body).toContain('2. What is the expected course over the next 12 months?');
  });

  it('quotes only evidence of the analysis', () => {
    const evidence = allEvidence(fixtureAnalysis);
    for (const l of letters) {
      for (const [, quote] of l.body.matchAll(/: "(.+)"$/gm)) expect(evidence.some((e) => e.quote === quote)).toBe(true);
    }
  });

  it('has no letters without gaps, and renders as plain text pages in the "letters" format', () => {
    expect(renderLetters({ ...fixtureAnalysis, gaps: [] } as CaseAnalysis)).toEqual([]);
    const text = renderReport(fixtureAnalysis, 'letters');
    expect(text.split('\f')).toHaveLength(3);
    expect(text.startsWith('Subject: Request for medical opinion and records')).toBe(true);
  });

  it('appears as an appendix in Markdown and HTML', () => {
    expect(renderReport(fixtureAnalysis, 'md')).toContain('### Letter 2: Samuel Okafor, MD');
    expect(renderReport(fixtureAnalysis, 'html')).toContain('<h3>Letter 3: Marcus Lee, DPT</h3>');
  });
});

describe('letters read like a firm\'s letters', () => {
  it('greets a physician by surname, a records office as its custodian, and writes to the claimant as the client', async () => {
    const { renderLetters: buildLetters } = await import('../src/report/letters.js');
    const gap = (to: string, ask: string) => ({ ruleId: 'x', severity: 'medium' as const, title: 't', why: 'w', authority: { cite: 'c' }, request: { to, ask }, evidence: [] });
    const a = { claim: { type: 'ssdi' as const, onset: '2023-01-01' }, gaps: [
      gap('Darren K. Whitlock, DO (occupational medicine)', 'Please state the MMI date.'),
      gap('the medical records office of the hospital', 'Please send the discharge summary.'),
      gap('the claimant (through the representative)', 'Please complete the Function Report - Adult (SSA-3373).'),
    ] };
    const letters = buildLetters(a as never);
    const byTo = Object.fromEntries(letters.map((l) => [l.to, l.body]));
    expect(byTo['Darren K. Whitlock, DO (occupational medicine)']).toContain('Dear Dr. Whitlock,');
    expect(byTo['the medical records office of the hospital']).toContain('Dear Records Custodian,');
    const client = byTo['the claimant (through the representative)'];
    expect(client).toContain('Dear [Claimant name],');
    expect(client).not.toContain('I represent your patient');
    expect(client).not.toContain('authorization to release medical information');
  });

  it.each([
    ["the claimant's employer (payroll / human resources)"],
    ['the employer (through the claims administrator)'],
    ['the investigating police agency (records unit), through counsel'],
    ['the claims administrator (utilization review)'],
  ])('writes to %s as a holder of records, not as the claimant or a doctor with a patient', async (to) => {
    const { renderLetters: buildLetters } = await import('../src/report/letters.js');
    const a = { claim: { type: 'personal_injury' as const, onset: '2023-02-09' }, gaps: [
      { ruleId: 'x', severity: 'medium' as const, title: 't', why: 'w', authority: { cite: 'c' }, request: { to, ask: 'Please send the records.' }, evidence: [] },
    ] };
    const [letter] = buildLetters(a as never);
    expect(letter.subject).toBe('Request for records: [Claimant name], DOB [date of birth]');
    expect(letter.body).toContain('Dear Sir or Madam,');
    expect(letter.body).toContain('We represent the claimant named above.');
    for (const wrong of ['[Claimant name],\n', 'only you can supply', 'your patient', 'office notes, test results', 'release medical information']) expect(letter.body).not.toContain(wrong);
  });
});
