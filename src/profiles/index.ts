/** Claim profiles (SSDI, SSI, workers' comp, personal injury, general) looked up by claim type. */
import type { ClaimType } from '../model/index.js';
import type { Profile } from './types.js';
import { ssdi } from './ssdi.js';
import { ssi } from './ssi.js';
import { workersComp } from './workers-comp.js';
import { personalInjury } from './personal-injury.js';
import { general } from './general.js';

export type { Profile, ProfileParams } from './types.js';

export const PROFILES: Record<ClaimType, Profile> = {
  ssdi, ssi, workers_comp: workersComp, personal_injury: personalInjury, general,
};

export function profileFor(type: ClaimType): Profile {
  return PROFILES[type];
}
