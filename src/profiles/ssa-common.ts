/** Gap rules and claim-specific reasons shared by the two Social Security profiles (SSDI, SSI). */

export const SSA_RULES: string[] = [
  'no-treating-source-opinion', 'no-current-treating-source', 'no-functional-capacity-evaluation', 'mmi-implied-not-stated', 'mmi-not-addressed', 'conflicting-opinions-unrebutted',
  'mental-health-unaddressed', 'imaging-not-current', 'specialist-referral-not-completed', 'treatment-not-followed',
  'authorization-unanswered', 'device-without-prescription', 'requested-report-not-received', 'record-noted-missing', 'misfiled-document',
  'procedure-record-missing', 'imaging-report-missing', 'therapy-notes-missing', 'records-after-last-plan', 'pre-injury-records-missing',
  'injection-without-relief-duration', 'surgical-consult-without-decision-reason',
  'limitation-single-source', 'limitation-without-objective-finding', 'opinion-without-support', 'unexplained-treatment-gap', 'duration-not-shown', 'no-prognosis',
  'opinion-from-non-acceptable-source-only', 'work-status-without-limits', 'billed-visit-without-record', 'function-report-missing',
];

/** Why each gap matters to a Social Security claim: appended to the gap's reason. */
export const SSA_GAP_WHY: Record<string, string> = {
  'no-treating-source-opinion': 'SSA sets the residual functional capacity from medical opinions; without a treating opinion it relies on the state-agency reviewers and the consultative examiner.',
  'no-functional-capacity-evaluation': 'For SSA, limits supported by objective testing are more persuasive (supportability, 20 CFR 404.1520c(c)(1)).',
  'mmi-not-addressed': 'SSA does not use MMI itself, but a treating statement that the condition is stable and the limits permanent shows they will last 12 months (20 CFR 404.1509).',
  'mental-health-unaddressed': 'If no treating source evaluates these symptoms, ask the agency for a psychological consultative examination (20 CFR 404.1519a); a mental limitation can narrow the work the claimant can do.',
  'imaging-not-current': 'SSA needs objective medical evidence of the impairment as it is now (20 CFR 404.1513(a)(1)).',
  'specialist-referral-not-completed': 'SSR 16-3p: the adjudicator considers why recommended care was not obtained before drawing inferences from it.',
  'treatment-not-followed': 'SSR 18-3p: benefits can be denied for not following prescribed treatment that would restore the ability to work, unless there is good cause in the record.',
  'authorization-unanswered': 'An insurer\'s denial is a good reason for not receiving treatment (SSR 16-3p) and should be in the file.',
  'device-without-prescription': 'SSR 96-9p: a cane counts only with medical documentation of the need and the circumstances of use.',
  'procedure-record-missing': 'SSA develops the complete medical history for at least the 12 months before the application (20 CFR 404.1512(b)).',
  'records-after-last-plan': 'The decision looks at the whole period through the date of decision; the latest records often decide it.',
  'pre-injury-records-missing': 'Records before the alleged onset help fix the onset date (SSR 18-01p).',
  'no-current-treating-source': 'Without current treatment records the agency may decide on old evidence or order a consultative examination (20 CFR 404.1519a).',
  'conflicting-opinions-unrebutted': 'SSA weighs each opinion by its supportability and consistency (20 CFR 404.1520c); an unanswered examiner\'s opinion often prevails.',
  'imaging-report-missing': 'Imaging is objective medical evidence only as a signed report; a summary in a treating note is weaker (20 CFR 404.1513(a)(1)).',
  'therapy-notes-missing': 'Therapy notes show attendance and measured response over time, which the agency weighs under SSR 16-3p.',
  'requested-report-not-received': 'The agency must make an initial and a follow-up request for evidence (20 CFR 404.1512(b)(1)); a report still owed should be requested again.',
};
