import { describe, expect, it } from 'vitest';
import { factsOf } from './helpers/extract-doc.js';
import { expectValidCitations } from './helpers/citations.js';

const activities = (body: string) => {
  const { doc, facts } = factsOf(body);
  expectValidCitations(facts, [doc]);
  return facts.filter((f) => f.type === 'limitation' && !f.negated).map((f) => (f.attributes as { activity: string }).activity);
};

describe('what is not a limitation', () => {
  it.each([
    ['unrestricted activities listed after "no restrictions on"', 'Work status: No restrictions on sitting, standing, walking or driving.'],
    ['aggravating factors', 'Aggravated by sitting, driving, bending and lifting.'],
    ['an "Aggravating:" field', 'Aggravating: looking down, driving, holding phone.'],
    ['a medication precaution', 'Avoid alcohol and sleep aids.'],
    ['a phone contact', 'Referral not scheduled (unable to reach by phone).'],
    ['a grid header row', 'PHYSICAL CAPACITIES   Never   Seldom   Occasional   Frequent   Constant'],
    ['a form prompt listing what to fill in', 'Work restrictions (specific restrictions re: standing, sitting, bending, use of hands, etc.):'],
    ['an activity that brought the pain on', 'Long drive to Georgia aggravated LBP.'],
    ['a driving precaution with a drug', 'Restrictions: no driving while on opioids.'],
    ['a driving precaution after a procedure', 'Post-procedure instructions given; no driving today.'],
    ['the drive as a trip', 'He states he cannot afford the gas for the drive.'],
    ['a full workday in a max-hours grid', 'Posture restrictions (max hrs/day): standing 8  sitting 8  kneeling/squatting 8  bending/stooping 8'],
  ])('%s', (_n, body) => expect(activities(body)).toEqual([]));
});

describe('limitations kept', () => {
  it.each([
    ['a lifting restriction beside an unrestricted list', 'Restrictions: no lifting over 20 lb; no restrictions on walking.', 'lift', 'walk'],
    ['a sitting tolerance in a restriction', 'Restrictions: must alternate sitting and standing every 30 minutes.', 'sit', undefined],
    ['a lasting driving limit', 'Restrictions: no driving more than 15 minutes because of leg numbness.', 'drive', undefined],
  ])('%s', (_n, body, kept, dropped) => {
    const acts = activities(body);
    expect(acts).toContain(kept);
    if (dropped) expect(acts).not.toContain(dropped);
  });
});

describe('a max-hours-per-day grid', () => {
  it('keeps the activities restricted below a workday, with their hours', () => {
    const { facts } = factsOf('Motion restrictions (max hrs/day): walking 8  climbing stairs/ladders 0  grasping/squeezing 8  reaching 2');
    const lim = facts.filter((f) => f.type === 'limitation' && !f.negated).map((f) => f.attributes as { activity: string; limit?: number; frequency?: string });
    expect(lim.map((l) => l.activity).sort()).toEqual(['climb', 'reach']);
    expect(lim.find((l) => l.activity === 'climb')?.frequency).toBe('never');
    expect(lim.find((l) => l.activity === 'reach')?.limit).toBe(2);
  });
});
