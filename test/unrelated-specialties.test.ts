import { describe, expect, it } from 'vitest';
import { classifyEncounter } from '../src/segment/classify.js';

// A specialty that does not treat the musculoskeletal or pain conditions claimed here ('other') is never read as a
// surgeon's consultation, however the note mentions the spine ("Hx cervical spine surgery").
describe('letterheads of specialties outside the claimed care', () => {
  const body = 'Hx cervical spine surgery - pt able to lie flat 30 min per his report.\nA/P: procedure scheduled 08/15/2023.';
  it.each([
    ['SOUTHERN SAMPLE EYE ASSOCIATES  *  Jane Sample, MD (Ophthalmology)\n05/30/2023  CATARACT EVALUATION', 'other'],
    ['SAMPLE VISION CENTER - Optometry\nRoutine eye exam', 'other'],
    ['SAMPLE EAR, NOSE & THROAT CLINIC\nOtolaryngology follow-up', 'other'],
    ['SAMPLE UROLOGY ASSOCIATES\nOffice visit', 'other'],
    ['SAMPLE WOMEN\'S CARE - OB/GYN\nAnnual exam', 'other'],
    ['SAMPLE ORAL & MAXILLOFACIAL SURGERY\nConsultation', 'other'],
  ])('%s', (head, specialty) => {
    expect(classifyEncounter(head, `${head}\n${body}`, 'MD').specialty).toBe(specialty);
  });
  it.each([
    ['MICHIGAN REHABILITATION SERVICES (MRS) - Grand Rapids South Office\nVR Counselor: Luis Doe, MA, CRC\n06/14/2024  Met with client; supported employment discussed.', 'CRC', 'other'],
    ['HARBOR REHABILITATION SERVICES\nPhysical therapy daily note\nTherapeutic exercise 97110.', 'PT', 'physical_therapy'],
  ])('a state vocational-rehabilitation agency is not a therapy clinic: %s', (head, credential, specialty) => {
    expect(classifyEncounter(head, head, credential).specialty).toBe(specialty);
  });
  it.each([
    ['SAMPLE ORTHOPAEDIC & SPINE ASSOCIATES\nSpine surgery consultation', 'orthopedic_surgery'],
    ['SAMPLE BRAIN AND SPINE INSTITUTE\nNeurosurgery follow-up', 'neurosurgery'],
  ])('%s stays a surgeon', (head, specialty) => {
    expect(classifyEncounter(head, `${head}\n${body}`, 'MD').specialty).toBe(specialty);
  });
});
