import type { Modality } from '../model/index.js';

/**
 * Care pathways as data: what the condition looks like in a record and which treatments it draws.
 * Wording here is the generator's own clinical phrasing (kept independent of the extractor's lexicons).
 */
export interface Pathway {
  id: string;
  region: string;
  diagnoses: string[];
  complaint: string[];
  /** Outcome instrument used by therapists and specialists (besides the 0-10 pain score). */
  instrument: { name: 'ODI' | 'NDI' | 'QuickDASH' | 'LEFS' | 'PSFS'; higherIsWorse: boolean; start: [number, number]; unit: string; labels: string[] };
  imaging: { study: string; findings: string[]; impressions: string[] } | undefined;
  emg?: string[];
  examAbnormal: string[];
  examNormal: string[];
  injection?: { modality: Modality; names: string[]; cpt: string };
  /** `modality` when the procedure is not plain surgery (e.g. a spinal cord stimulator implant). */
  surgery?: { names: string[]; cpt: string; modality?: Modality };
  limitations: { activity: 'lift' | 'sit' | 'stand' | 'walk' | 'overhead_reach' | 'bend' | 'reach' | 'kneel' | 'handle'; provider: string[]; patient: string[] }[];
  meds: { drug: string; dose: string; cls: string }[];
}

const lumbarLims: Pathway['limitations'] = [
  { activity: 'lift', provider: ['no lifting over {n} lb', 'lifting restricted to {n} pounds', 'avoid lifting more than {n} lbs'], patient: ['cannot lift more than a gallon of milk', 'she can only lift light grocery bags'] },
  { activity: 'sit', provider: ['sitting limited to {m} minutes at a time', 'must be allowed to change position every {m} minutes'], patient: ['can only sit for about {m} minutes before needing to get up', 'sitting longer than {m} min makes the leg pain worse'] },
  { activity: 'stand', provider: ['standing limited to {m} minutes at a time', 'no prolonged standing beyond {m} minutes'], patient: ['can stand about {m} minutes at the sink', 'has to sit down after standing {m} minutes'] },
  { activity: 'bend', provider: ['no repetitive bending or stooping', 'avoid bending and twisting at the waist'], patient: ['unable to bend to load the dishwasher', 'cannot bend to tie shoes without pain'] },
  { activity: 'walk', provider: ['walking limited to {m} minutes', 'limit walking to short distances, about {m} minutes'], patient: ['can walk about {m} minutes before resting', 'walks one block then must stop'] },
];

export const PATHWAYS: Pathway[] = [
  {
    id: 'lumbar_radiculopathy', region: 'lumbar',
    diagnoses: ['lumbar radiculopathy', 'L5 radiculopathy', 'lumbar disc herniation with radiculopathy', 'sciatica due to lumbar disc displacement'],
    complaint: ['low back pain radiating down the {side} leg', 'LBP w/ {side} leg radiation', 'back and {side} leg pain'],
    instrument: { name: 'ODI', higherIsWorse: true, start: [38, 60], unit: '%', labels: ['ODI', 'Oswestry', 'Oswestry Disability Index'] },
    imaging: {
      study: 'MRI LUMBAR SPINE WITHOUT CONTRAST',
      findings: ['L4-5: {side} paracentral disc extrusion compressing the traversing {side} L5 nerve root.', 'L5-S1: broad-based disc protrusion with {side} foraminal stenosis abutting the exiting L5 root.', 'L4-5: {side} foraminal disc protrusion with moderate foraminal narrowing.'],
      impressions: ['Disc herniation at L4-5 with {side} L5 nerve root compression.', 'L5-S1 disc protrusion with {side} foraminal stenosis.'],
    },
    emg: ['Chronic {side} L5 radiculopathy with mild active denervation.', 'Findings consistent with a {side} S1 radiculopathy.'],
    examAbnormal: ['Straight leg raise positive on the {side} at {deg} degrees.', 'SLR (+) {side} at {deg} deg reproducing leg sx.', '{Side} EHL weakness 4/5.', 'Decreased sensation {side} L5 dermatome.', 'Diminished {side} Achilles reflex 1+.', 'Paraspinal muscle spasm with guarding.'],
    examNormal: ['Reflexes 2+ and symmetric at the knees.', 'Gait steady, heel and toe walk intact.'],
    injection: { modality: 'epidural_injection', names: ['{side} L4-5 transforaminal epidural steroid injection', 'L5-S1 interlaminar epidural steroid injection', '{side} L5-S1 TFESI'], cpt: '64483' },
    surgery: { names: ['L4-5 microdiscectomy', 'L5-S1 laminotomy and discectomy', 'L4-5 hemilaminectomy and discectomy'], cpt: '63030' },
    limitations: lumbarLims,
    meds: [{ drug: 'gabapentin', dose: '300 mg TID', cls: 'anticonvulsant' }, { drug: 'meloxicam', dose: '15 mg daily', cls: 'NSAID' }, { drug: 'cyclobenzaprine', dose: '10 mg qhs', cls: 'muscle relaxant' }, { drug: 'duloxetine', dose: '30 mg daily', cls: 'SNRI' }],
  },
  {
    id: 'cervical_radiculopathy', region: 'cervical',
    diagnoses: ['cervical radiculopathy', 'C6 radiculopathy', 'cervical disc herniation with radiculopathy'],
    complaint: ['neck pain radiating into the {side} arm', 'neck pain w/ {side} arm numbness', 'cervical pain with {side} hand tingling'],
    instrument: { name: 'NDI', higherIsWorse: true, start: [36, 58], unit: '%', labels: ['NDI', 'Neck Disability Index'] },
    imaging: {
      study: 'MRI CERVICAL SPINE WITHOUT CONTRAST',
      findings: ['C5-6: {side} paracentral disc osteophyte complex with severe {side} foraminal stenosis.', 'C6-7: {side} foraminal disc protrusion impinging the exiting C7 root.'],
      impressions: ['C5-6 disc osteophyte complex with severe {side} foraminal narrowing.', 'C6-7 {side} foraminal herniation.'],
    },
    emg: ['Electrodiagnostic evidence of a {side} C6 radiculopathy.', 'Chronic {side} C7 radiculopathy without active denervation.'],
    examAbnormal: ['Spurling test positive on the {side}.', '{Side} biceps reflex diminished 1+.', 'Decreased sensation {side} thumb and index finger.', '{Side} wrist extension 4/5.'],
    examNormal: ['No Hoffmann sign bilaterally.', 'Grip strength symmetric.'],
    injection: { modality: 'epidural_injection', names: ['C7-T1 interlaminar epidural steroid injection', 'cervical interlaminar ESI at C6-7'], cpt: '62321' },
    surgery: { names: ['C5-6 anterior cervical discectomy and fusion', 'C6-7 ACDF'], cpt: '22551' },
    limitations: [
      { activity: 'lift', provider: ['no lifting over {n} lb', 'lift limited to {n} pounds'], patient: ['drops things when lifting more than a few pounds'] },
      { activity: 'overhead_reach', provider: ['no overhead work', 'avoid reaching overhead with the {side} arm'], patient: ['cannot reach overhead to the cupboard'] },
      { activity: 'handle', provider: ['only occasional handling with the {side} hand'], patient: ['drops cups with the {side} hand'] },
    ],
    meds: [{ drug: 'gabapentin', dose: '300 mg TID', cls: 'anticonvulsant' }, { drug: 'naproxen', dose: '500 mg BID', cls: 'NSAID' }, { drug: 'tizanidine', dose: '4 mg qhs', cls: 'muscle relaxant' }],
  },
  {
    id: 'rotator_cuff', region: 'shoulder',
    diagnoses: ['rotator cuff tear', 'full-thickness supraspinatus tear', '{side} shoulder rotator cuff tear'],
    complaint: ['{side} shoulder pain with weakness reaching overhead', '{side} shoulder pain after lifting injury'],
    instrument: { name: 'QuickDASH', higherIsWorse: true, start: [45, 70], unit: '', labels: ['QuickDASH', 'Quick DASH'] },
    imaging: {
      study: 'MRI {SIDE} SHOULDER WITHOUT CONTRAST',
      findings: ['Full-thickness tear of the supraspinatus tendon measuring 1.4 cm with mild retraction.', 'High-grade partial thickness articular-sided supraspinatus tear.'],
      impressions: ['Full-thickness supraspinatus tear.', 'High-grade partial rotator cuff tear.'],
    },
    examAbnormal: ['Positive drop arm test on the {side}.', 'Empty can test positive {side} with 3+/5 strength.', 'Hawkins and Neer impingement signs positive.', '{Side} shoulder abduction limited to {deg} degrees.'],
    examNormal: ['Neurovascularly intact distally.', 'Cervical spine range of motion full.'],
    injection: { modality: 'joint_injection', names: ['{side} subacromial corticosteroid injection', '{side} shoulder subacromial injection'], cpt: '20610' },
    surgery: { names: ['{side} shoulder arthroscopic rotator cuff repair', 'arthroscopic RCR with subacromial decompression'], cpt: '29827' },
    limitations: [
      { activity: 'overhead_reach', provider: ['no overhead reaching with the {side} arm', 'no work above shoulder level, {side} arm'], patient: ['cannot reach the top shelf', 'unable to comb hair with the {side} arm'] },
      { activity: 'lift', provider: ['no lifting over {n} lb with the {side} arm', 'lift limited to {n} lbs, {side} upper extremity'], patient: ['cannot lift a laundry basket'] },
    ],
    meds: [{ drug: 'ibuprofen', dose: '800 mg TID', cls: 'NSAID' }, { drug: 'acetaminophen', dose: '1000 mg TID', cls: 'analgesic' }],
  },
  {
    id: 'knee', region: 'knee',
    diagnoses: ['medial meniscus tear', '{side} knee internal derangement', 'post-traumatic {side} knee osteoarthritis'],
    complaint: ['{side} knee pain with locking and swelling', '{side} knee pain after twisting injury'],
    instrument: { name: 'LEFS', higherIsWorse: false, start: [22, 40], unit: '/80', labels: ['LEFS', 'Lower Extremity Functional Scale'] },
    imaging: {
      study: 'MRI {SIDE} KNEE WITHOUT CONTRAST',
      findings: ['Complex tear of the posterior horn of the medial meniscus.', 'Grade 3 chondromalacia of the medial femoral condyle with joint effusion.'],
      impressions: ['Medial meniscus posterior horn tear.', 'Medial compartment chondral loss with effusion.'],
    },
    examAbnormal: ['Medial joint line tenderness {side} knee.', 'McMurray test positive on the {side}.', 'Moderate effusion {side} knee.', '{Side} knee flexion limited to {deg} degrees.'],
    examNormal: ['Lachman negative, stable to varus and valgus stress.', 'Distal pulses intact.'],
    injection: { modality: 'joint_injection', names: ['{side} knee intra-articular corticosteroid injection', '{side} knee joint injection with triamcinolone'], cpt: '20610' },
    surgery: { names: ['{side} knee arthroscopic partial medial meniscectomy', '{side} knee arthroscopy with chondroplasty'], cpt: '29881' },
    limitations: [
      { activity: 'stand', provider: ['standing limited to {m} minutes per hour', 'no prolonged standing over {m} minutes'], patient: ['can stand about {m} minutes'] },
      { activity: 'kneel', provider: ['no kneeling or squatting', 'avoid kneeling'], patient: ['cannot kneel at church'] },
      { activity: 'walk', provider: ['walking limited to {m} minutes', 'limit walking on uneven ground'], patient: ['walks about {m} minutes then the knee swells'] },
    ],
    meds: [{ drug: 'naproxen', dose: '500 mg BID', cls: 'NSAID' }, { drug: 'diclofenac gel', dose: '4 g QID', cls: 'topical NSAID' }],
  },
  {
    id: 'failed_back', region: 'lumbar',
    diagnoses: ['failed back surgery syndrome', 'post-laminectomy syndrome', 'lumbar post-laminectomy pain syndrome'],
    complaint: ['persistent back and {side} leg pain after lumbar surgery', 'chronic LBP since fusion'],
    instrument: { name: 'ODI', higherIsWorse: true, start: [44, 66], unit: '%', labels: ['ODI', 'Oswestry'] },
    imaging: {
      study: 'MRI LUMBAR SPINE WITH AND WITHOUT CONTRAST',
      findings: ['Postsurgical changes at L4-5 with enhancing epidural fibrosis surrounding the {side} L5 root.', 'Solid posterolateral fusion L4-S1 with adjacent segment degeneration at L3-4.'],
      impressions: ['Epidural fibrosis at L4-5 encasing the {side} L5 nerve root.', 'Adjacent segment disease L3-4 above prior fusion.'],
    },
    emg: ['Chronic bilateral L5 radiculopathy, {side} worse than right.'],
    examAbnormal: ['Well-healed midline lumbar incision; tenderness at L4-S1.', 'SLR positive {side} at {deg} degrees.', 'Antalgic gait, uses a cane.', 'Decreased sensation {side} lateral calf.'],
    examNormal: ['Hip range of motion full and painless.'],
    injection: { modality: 'epidural_injection', names: ['caudal epidural steroid injection', '{side} L5-S1 transforaminal ESI'], cpt: '62323' },
    surgery: { names: ['spinal cord stimulator permanent implant', 'L3-4 extension of fusion'], cpt: '63685', modality: 'spinal_cord_stimulator' },
    limitations: lumbarLims,
    meds: [{ drug: 'pregabalin', dose: '75 mg BID', cls: 'anticonvulsant' }, { drug: 'tramadol', dose: '50 mg q6h prn', cls: 'opioid' }, { drug: 'duloxetine', dose: '60 mg daily', cls: 'SNRI' }],
  },
  {
    id: 'crps', region: 'upper extremity',
    diagnoses: ['complex regional pain syndrome type I', 'CRPS of the {side} upper limb'],
    complaint: ['burning pain, swelling and color change of the {side} hand', '{side} hand burning pain since wrist fracture'],
    instrument: { name: 'QuickDASH', higherIsWorse: true, start: [55, 80], unit: '', labels: ['QuickDASH'] },
    imaging: {
      study: 'THREE-PHASE BONE SCAN',
      findings: ['Increased periarticular uptake in the {side} wrist and hand on delayed images.'],
      impressions: ['Findings compatible with complex regional pain syndrome of the {side} hand.'],
    },
    examAbnormal: ['Allodynia to light touch over the {side} hand.', '{Side} hand 1.5 degrees C warmer than the contralateral side.', 'Edema and mottled discoloration {side} hand.', 'Grip strength markedly reduced on the {side}.'],
    examNormal: ['Elbow and shoulder range of motion full.'],
    injection: { modality: 'other_injection', names: ['{side} stellate ganglion block', '{side} stellate ganglion block under fluoroscopy'], cpt: '64510' },
    limitations: [
      { activity: 'handle', provider: ['no repetitive handling with the {side} hand', 'occasional handling only, {side}'], patient: ['cannot hold a coffee cup with the {side} hand'] },
      { activity: 'lift', provider: ['no lifting over {n} lb with the {side} hand'], patient: ['cannot lift a full coffee pot with the {side} hand'] },
    ],
    meds: [{ drug: 'gabapentin', dose: '600 mg TID', cls: 'anticonvulsant' }, { drug: 'prednisone', dose: 'taper', cls: 'corticosteroid' }, { drug: 'nortriptyline', dose: '25 mg qhs', cls: 'TCA' }],
  },
  {
    id: 'fibromyalgia', region: 'widespread',
    diagnoses: ['fibromyalgia', 'chronic widespread pain', 'fibromyalgia syndrome'],
    complaint: ['widespread body pain and fatigue', 'diffuse aching pain, poor sleep and fatigue'],
    instrument: { name: 'PSFS', higherIsWorse: false, start: [2, 4], unit: '/10', labels: ['PSFS', 'Patient-Specific Functional Scale'] },
    imaging: undefined,
    examAbnormal: ['Diffuse tenderness over the trapezius, lateral epicondyles and greater trochanters bilaterally.', 'Widespread pain index 12, symptom severity 8.'],
    examNormal: ['Joints without synovitis.', 'Strength 5/5 throughout, reflexes symmetric.'],
    limitations: [
      { activity: 'sit', provider: ['sitting limited to {m} minutes then change position'], patient: ['can sit about {m} minutes before the aching forces her up'] },
      { activity: 'stand', provider: ['standing limited to {m} minutes'], patient: ['can stand {m} minutes doing dishes'] },
      { activity: 'lift', provider: ['no lifting over {n} lb'], patient: ['cannot lift the laundry basket'] },
    ],
    meds: [{ drug: 'duloxetine', dose: '60 mg daily', cls: 'SNRI' }, { drug: 'pregabalin', dose: '75 mg BID', cls: 'anticonvulsant' }, { drug: 'amitriptyline', dose: '10 mg qhs', cls: 'TCA' }],
  },
];
