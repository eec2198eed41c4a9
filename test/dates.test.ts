import { describe, expect, it } from 'vitest';
import { findDates } from '../src/knowledge/dates.js';

const REF = '2024-03-15';
const dates = (text: string, ref: string | null = REF) => findDates(text, ref ?? undefined).map((d) => [text.slice(d.start, d.end), d.date, d.relative, d.precision]);

describe('findDates', () => {
  it.each([
    ['DOS: 03/14/2024', [['03/14/2024', '2024-03-14', false, 'day']]],
    ['Date of injury: 1/5/23', [['1/5/23', '2023-01-05', false, 'day']]],
    ['MRI in March 2023 showed a herniation.', [['March 2023', '2023-03-01', false, 'month']]],
    ['Seen two weeks ago for the same complaint.', [['two weeks ago', '2024-03-01', true, 'day']]],
    ['Follow up in 6 weeks.', [['in 6 weeks', '2024-04-26', true, 'day']]],
    ['Return in 2-3 weeks.', [['in 2-3 weeks', '2024-03-29', true, 'day']]],
    ['Symptoms began last year.', [['last year', '2023-03-15', true, 'year']]],
    ['Smoker since 2019.', [['2019', '2019-01-01', false, 'year']]],
    ['s/p ESI on 3/2 with 50% relief.', [['3/2', '2024-03-02', false, 'day']]],
  ])('%s', (text, expected) => expect(dates(text)).toEqual(expected));

  it('rolls a year-less past date after the reference back a year', () => {
    expect(dates('s/p ESI on 4/2.')).toEqual([['4/2', '2023-04-02', false, 'day']]);
    expect(dates('Next injection scheduled on 4/2.')).toEqual([['4/2', '2024-04-02', false, 'day']]);
  });

  it("takes a year-less date's year from a full date joined to it, or its row's date, before the visit's", () => {
    expect(dates('07/21/23 27 3/1 same; had neck injection 07/18', '2023-04-18')).toEqual([['07/21/23', '2023-07-21', false, 'day'], ['07/18', '2023-07-18', false, 'day']]);
    expect(dates('01/09/24 seen; had injection 12/28', '2023-04-18')).toEqual([['01/09/24', '2024-01-09', false, 'day'], ['12/28', '2023-12-28', false, 'day']]);
    expect(dates('EMG/NCS 12/06/2022 normal; dual comparative MBBs 02/14 and 03/01/2023 (both positive)', '2023-10-23'))
      .toEqual([['12/06/2022', '2022-12-06', false, 'day'], ['02/14', '2023-02-14', false, 'day'], ['03/01/2023', '2023-03-01', false, 'day']]);
  });

  it.each(['Pain 7/10 with sitting.', 'Strength 5/5 throughout.', 'BP 120/80, HR 72.', 'Disc bulge at L4/5 and C5/6.', 'Reflexes 2+/4.'])(
    'scores and levels are not dates: %s', (text) => expect(dates(text)).toEqual([]),
  );

  it('needs a reference for relative and year-less dates', () => {
    expect(dates('Seen 2 weeks ago on 3/2.', null)).toEqual([]);
    expect(dates('DOS 03/14/2024.', null)).toEqual([['03/14/2024', '2024-03-14', false, 'day']]);
  });
});

describe('a bare month/day is a date unless it sits on a scale', () => {
  it.each([
    ['Had L4-5 epidural 07/25 at Summit, it helped a lot.', '2022-07-25'],
    ['MRI 3/14 showed a protrusion.', '2022-03-14'],
  ])('%s → %s', (text, date) => {
    expect(findDates(text, '2022-10-17').map((d) => d.date)).toEqual([date]);
  });
  it.each(['FAX FROM CEDAR RIDGE PT  P. 1/8  RECEIVED', 'Pain 6/10, grip 4/5.', 'Flexion 40/60.', 'Reflexes 2/4 at the knees.', 'BP 120/80.', 'She attended 8/12 visits.', 'Strength 4+/5'])('%s → no date', (text) => {
    expect(findDates(text, '2022-10-17')).toEqual([]);
  });
});
