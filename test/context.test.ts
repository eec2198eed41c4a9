import { describe, expect, it } from 'vitest';
import { assessContext, assessSentence } from '../src/context/engine.js';
import { compileEntries, expandPattern, loadContextLexicon } from '../src/context/lexicon.js';
import type { ContextOptions, ContextResult } from '../src/context/types.js';

/** Judge the target written as {{target}} inside the sentence. */
function judge(marked: string, options: ContextOptions = {}): ContextResult {
  const start = marked.indexOf('{{');
  const end = marked.indexOf('}}') - 2;
  const sentence = marked.replace('{{', '').replace('}}', '');
  return assessContext(sentence, start, end, options);
}

// RuleTester-style tables: each `valid` case must get the flag, each `invalid` case must not.
const tables: { name: string; flag: (r: ContextResult) => boolean; valid: string[]; invalid: string[] }[] = [
  {
    name: 'negated',
    flag: (r) => r.negated,
    valid: [
      'No {{radicular pain}} today.',
      'Neurosurgery advised against {{surgery}}.',
      'He recommended against {{fusion}} given the dialysis.',
      'Patient denies {{numbness}} or tingling.',
      'Denies fever, chills, nausea, {{vomiting}} or diarrhea.',
      'Neuro exam is negative for {{focal deficits}}.',
      'ROS is -ve for {{weight loss}}.',
      'Gait is steady without {{antalgic lean}}.',
      'There is no evidence of {{nerve root compression}}.',
      'MRI shows no signs of {{disc herniation}} at L4-5.',
      '{{Cauda equina syndrome}} was ruled out in the ED.',
      'Her {{radicular symptoms}} resolved after the second injection.',
      '{{Straight leg raise}} negative bilaterally.',
      'Straight leg raise test {{on the right}} is negative.',
      'He no longer has {{leg pain}}.',
      'No further {{episodes of syncope}}.',
      'She did not report {{bowel or bladder incontinence}}.',
      'Low suspicion for {{fracture}}.',
      'Pt free of {{spasm}} on palpation.',
      'No {{acute distress}}.',
    ],
    invalid: [
      'Recommend {{L4-5 fusion}}; advised against smoking.',
      'Denies numbness but reports {{low back pain}} radiating to the left leg.',
      'The evaluation found no objective evidence of impairment and stated that she had reached {{MMI}} from a cognitive standpoint.',
      'No change in {{lumbar lordosis}} since prior study.',
      'No increase in {{pain}} with flexion.',
      'Cannot rule out {{L5 radiculopathy}}.',
      'Gram negative {{rods}} on culture.',
      'Tolerated the procedure without difficulty; {{mild soreness}} at the site.',
      'The patient reports {{neck pain}} 6/10.',
      'MRI with and without contrast: history of {{breast carcinoma}}.',
      'Not only {{headache}} but also neck stiffness.',
      'Pain is {{not}} worse.',
      'There is evidence of a {{septal infarct}} with negative deflections.',
    ],
  },
  {
    name: 'possible',
    flag: (r) => r.certainty === 'possible' && !r.negated,
    valid: [
      'Cannot rule out {{L5 radiculopathy}}.',
      '{{Recurrent disc herniation}} cannot be excluded.',
      'Possible {{facet arthropathy}} at L4-5.',
      'Findings may represent {{early spondylolisthesis}}.',
      'Rule out {{pneumonia}}.',
      'Questionable {{annular tear}}.',
      'Findings suspicious for {{pars defect}}.',
    ],
    invalid: [
      'Findings consistent with {{lumbar spondylosis}}.',
      'EMG confirms {{chronic L5 radiculopathy}}.',
      '{{Fracture}} was ruled out.',
    ],
  },
  {
    name: 'hypothetical',
    flag: (r) => r.temporality === 'hypothetical',
    valid: [
      'If {{pain persists}}, will repeat the MRI.',
      'If therapy fails we will consider {{surgery}}.',
      'Return to the ED for {{worsening weakness}} or loss of bladder control.',
      'Call if {{fever}} develops.',
      'Will consider {{lumbar epidural steroid injection}} at next visit.',
      'Plan to start {{gabapentin}} if symptoms do not improve.',
      'May need {{surgical consultation}} in the future.',
      'A repeat {{MRI}} could be considered.',
      'In my view he may still improve, and a repeat {{RFA}} may be needed.',
      'A {{revision}} might eventually be necessary.',
      '{{Spinal cord stimulator trial}} may be discussed at follow-up.',
      '{{Revision fusion}} remains an option should her leg pain return.',
      'Options include {{radiofrequency ablation}} or a medial branch block.',
    ],
    invalid: [
      'She underwent {{L5-S1 epidural steroid injection}} on 3/2.',
      'Continues {{physical therapy}} twice a week.',
      'Treat if indicated; {{H. pylori}} testing sent.',
      'The {{L4-5 transforaminal injection}} was performed without complication.',
      '{{Physical therapy}} was considered helpful by the patient.',
    ],
  },
  {
    name: 'historical',
    flag: (r) => r.temporality === 'historical',
    valid: [
      'History of {{lumbar fusion}} in 2015.',
      'PMH: {{hypertension}}, diabetes and GERD.',
      'Past medical history is significant for hyperlipidemia, hypothyroidism and {{spinal stenosis}}.',
      'Status post {{L4-5 laminectomy}}.',
      's/p {{ACDF}} at C5-6.',
      'Old {{compression fracture}} of T12.',
      'Prior {{carpal tunnel release}} on the right.',
      'He had {{gastritis}} in the past.',
      'She has no history of {{seizures}}.',
      'He denies any {{tobacco}} use.',
    ],
    invalid: [
      'A 45-year-old male with {{low back pain}}.',
      'A two-day history of {{fever}} and body aches.',
      'History of present illness: {{neck pain}} since the accident.',
      'History of HIV who presents with {{leg swelling}}.',
      'History of HIV and recent diagnosis of {{PE}}.',
      'Pain unchanged compared with the prior study; {{tenderness}} at L5.',
      'Add CGRP antibody - prior authorization for {{galcanezumab}} submitted today.',
      'Prior auth for {{lumbar MRI}} requested.',
    ],
  },
  {
    name: 'other_experiencer',
    flag: (r) => r.experiencer === 'other',
    valid: [
      'Mother has {{rheumatoid arthritis}}.',
      'Family history of {{colon cancer}} in his father.',
      'FH is positive for a sister with {{lupus}}.',
      'Her father had a {{stroke}} at 60.',
    ],
    invalid: [
      'The patient has {{diabetes}}.',
      'The family wanted her transferred for evaluation of her {{vaginal bleeding}}.',
      'Discussed with his wife; {{back pain}} is worse at night.',
      'Mother has diabetes; the patient has {{hypertension}}.',
    ],
  },

  // Trigger families adopted from the published genConText and medspaCy ConText lists (issue 8 item 10).
  {
    name: 'negated (published families)',
    flag: (r) => r.negated,
    valid: [
      'Follow-up film shows resolved {{right basilar infiltrate}}.',
      'Her {{ankle swelling}} has now resolved.',
      'Lumbar MRI is unremarkable for {{canal stenosis}}.',
      'There is a lack of {{objective weakness}} on testing.',
      'Exam is inconsistent with {{complex regional pain syndrome}}.',
      'The negative EMG rules out {{peripheral neuropathy}}.',
      'Troponins ruled him out for {{myocardial infarction}}.',
      'She is {{pain}} free since the block.',
      'The {{wrist effusion}} is no longer present.',
      'The {{fracture line}} is not evident on today\'s film.',
      'Continue {{DVT}} prophylaxis until ambulatory.',
    ],
    invalid: [
      'Free {{fluid}} in the pelvis.',
      'She is free to return to {{light duty}}.',
      'The rash resolved, but {{itching}} persists.',
      'Swelling resolved after the first week of rest, ice and elevation at home, with {{tenderness}} over the lateral ankle.',
      'Did not rule out {{DVT}}.',
      '{{Septic arthritis}} must be ruled out.',
      'No nausea, still has {{abdominal cramping}}.',
      'No clear source for {{her low back pain}} was identified.',
      'Mr. Adeyemi declined {{lumbar fusion}}.',
    ],
  },
  {
    name: 'possible (published families)',
    flag: (r) => r.certainty === 'possible' && !r.negated,
    valid: [
      'I doubt {{a torn meniscus}}.',
      'We are concerned about {{early infection}} at the incision.',
      'Family is worried about {{memory loss}}.',
      '{{Septic arthritis}} must be ruled out.',
      'She needs to be ruled out for {{pulmonary embolism}}.',
      'The CT did not rule out {{an occult fracture}}.',
    ],
    invalid: [
      'The negative EMG rules out {{peripheral neuropathy}}.',
      '{{Cauda equina}} has been ruled out.',
    ],
  },
  {
    name: 'hypothetical (published families)',
    flag: (r) => r.temporality === 'hypothetical',
    valid: [
      'Should she develop {{chest pain}}, call 911.',
      'Should there be {{drainage}} from the wound, return to clinic.',
      'Watch for {{signs of infection}} at the port site.',
      'Look out for {{numbness in the hand}}.',
      'We discussed risks of {{infection}} and bleeding.',
      'Reasons she gives: fear of {{brain surgery}} and of a stroke.',
      'She is scared of {{another fall}} on the stairs.',
    ],
    invalid: [
      'She should continue {{home exercises}}.',
      'Her fears were discussed; {{brain surgery}} was performed on 03/02/2023.',
      'Unsure if {{fever}} was measured at home.',
    ],
  },
  {
    name: 'historical (published families)',
    flag: (r) => r.temporality === 'historical',
    valid: [
      'Menstrual history: {{post-menopausal}}.',
      'His history is significant for {{sleep apnea}}.',
      'He is known to have {{atrial fibrillation}}.',
      'Pre-existing {{degenerative disc disease}} at L5-S1.',
      'Longstanding {{type 2 diabetes}}.',
      'S: {{RFA}} wearing off, pain 6/10.',
      'The {{injection}} has worn off after six weeks.',
      'L knee {{injection}} helped ~6 wks.',
    ],
    invalid: [
      'A detailed history reveals {{radicular pain}} for two weeks.',
      'History from the patient: {{neck pain}} since the fall.',
      'History of migraine, states {{neck pain}} started Monday.',
      'History of gout, was found to have {{a septic knee}}.',
      'History of lumbar fusion at L4-5 for spondylolisthesis in 2015, with {{left foot numbness}} and weakness.',
      'Prior to the injury he worked full duty, then {{knee pain}} began.',
      'Repeat {{RFA}} could be considered when relief wears off.',
    ],
  },
  {
    name: 'other_experiencer (published families)',
    flag: (r) => r.experiencer === 'other',
    valid: [
      'His wife had {{influenza}} last week.',
      'Her husband\'s {{cough}} started first.',
      'Roommate tested positive for {{COVID-19}}.',
    ],
    invalid: [
      'Mother has diabetes and his {{blood pressure}} is high.',
      'Lives with his wife, has {{knee pain}}.',
      'Collateral history was given by his wife: {{confusion}} at night.',
    ],
  },
];

describe.each(tables)('$name triggers', ({ flag, valid, invalid }) => {
  it.each(valid)('fires: %s', (s) => expect(flag(judge(s))).toBe(true));
  it.each(invalid)('does not fire: %s', (s) => expect(flag(judge(s))).toBe(false));
});

describe('provenance', () => {
  it('names the trigger and its absolute span', () => {
    const sentence = 'Patient denies numbness.';
    const r = assessContext(sentence, 15, 23, { offset: 1000 });
    expect(r.cues).toEqual([{ category: 'negated', trigger: 'denies', start: 1008, end: 1014 }]);
  });

  it('cites the section heading when the section decides', () => {
    const r = judge('{{Diabetes}} and heart disease.', { section: 'family_history', sectionHeading: { title: 'Family History', start: 40, end: 54 } });
    expect(r.experiencer).toBe('other');
    expect(r.cues).toContainEqual({ category: 'section', trigger: 'Family History', start: 40, end: 54 });
  });

  it('gives each flag its own cue when triggers combine', () => {
    const r = judge('She has no history of {{seizures}}.');
    expect(r.negated).toBe(true);
    expect(r.temporality).toBe('historical');
    expect(r.cues.map((c) => c.category).sort()).toEqual(['historical', 'negated']);
  });
});

describe('sections', () => {
  it('past history makes mentions historical unless a trigger says hypothetical', () => {
    expect(judge('{{Lumbar fusion}} 2015.', { section: 'surgical_history' }).temporality).toBe('historical');
    expect(judge('{{Hypertension}}.', { section: 'past_history' }).temporality).toBe('historical');
    expect(judge('If {{pain}} recurs, call.', { section: 'past_history' }).temporality).toBe('hypothetical');
  });
  it('an HPI or exam section changes nothing', () => {
    const r = judge('{{Tenderness}} over L4-5.', { section: 'exam' });
    expect(r).toMatchObject({ negated: false, certainty: 'affirmed', temporality: 'current', experiencer: 'patient', cues: [] });
  });
});

describe('scope', () => {
  it('a terminator ends a negation', () => {
    expect(judge('No fever, however {{cough}} persists.').negated).toBe(false);
  });
  it('a negation reaches along a list but not past the word window', () => {
    expect(judge('No murmurs, rubs, gallops, clicks, heaves or {{thrills}}.').negated).toBe(true);
    const far = `No fever ${'and then the patient went home to rest '.repeat(3)}with {{pain}}.`;
    expect(judge(far).negated).toBe(false);
  });
  it('judges a whole sentence when no target is given', () => {
    expect(assessSentence('Denies numbness or tingling').negated).toBe(true);
    expect(assessSentence('Reports numbness and tingling').negated).toBe(false);
  });
});

describe('lexicon', () => {
  it('expands regex-lite patterns', () => {
    expect(expandPattern('(is|was|) negative for')).toEqual(['is negative for', 'was negative for', 'negative for']);
    expect(expandPattern('den(y|ies|ied)')).toEqual(['deny', 'denies', 'denied']);
  });
  it('loads every shipped file and compiles thousands of phrases', () => {
    expect(loadContextLexicon().phraseCount).toBeGreaterThan(500);
  });
  it('a pseudo-trigger cancels a trigger with the same words', () => {
    const lex = compileEntries([
      { phrase: 'no change', category: 'negated', direction: 'forward' },
      { phrase: 'no change', category: 'pseudo' },
    ], 10);
    expect(lex.root.next.get('no')?.next.get('change')?.rules?.map((r) => r.category)).toEqual(['pseudo']);
  });
});
