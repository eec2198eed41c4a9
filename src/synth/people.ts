import type { Rng } from './prng.js';

/** Invented names only: combinations of common given and family names, never a real person's record. */
const FIRST_F = ['Maria', 'Linda', 'Tanya', 'Rosa', 'Denise', 'Karen', 'Aisha', 'Mei', 'Sandra', 'Brenda', 'Olga', 'Yolanda', 'Heather', 'Priscilla'];
const FIRST_M = ['James', 'Robert', 'Luis', 'Darnell', 'Kevin', 'Ahmed', 'Victor', 'Trevor', 'Hector', 'Wayne', 'Nikolai', 'Curtis', 'Dale', 'Ramon'];
const LAST = ['Alvarez', 'Brennan', 'Castillo', 'Dunmore', 'Esposito', 'Fairbanks', 'Gutierrez', 'Halvorsen', 'Ibsen', 'Jankowski', 'Kowalczyk', 'Lindgren', 'Moreau', 'Nakamura', 'Okonkwo', 'Pellegrino', 'Quintero', 'Rasmussen', 'Szabo', 'Thibodeaux', 'Underhill', 'Vasquez', 'Whitaker', 'Yilmaz', 'Zeller'];
const CLIN_FIRST = ['Anand', 'Beth', 'Carlos', 'Diane', 'Elliot', 'Farah', 'Gregory', 'Hannah', 'Ivan', 'Julia', 'Kofi', 'Laura', 'Miguel', 'Nadia', 'Owen', 'Paula', 'Reza', 'Sofia', 'Tobias', 'Uma', 'Wendell', 'Xin', 'Yusuf', 'Zora'];
const CLIN_LAST = ['Abernathy', 'Bhatt', 'Calloway', 'Dempsey', 'Eriksen', 'Ferreira', 'Goldfarb', 'Hollis', 'Iwasaki', 'Jurado', 'Kessler', 'Lombardi', 'Mbeki', 'Northcutt', 'Oduya', 'Prentice', 'Quarles', 'Rahimi', 'Sorensen', 'Tran', 'Vance', 'Wexler', 'Yardley', 'Zamora'];
const PLACES = ['Cedar Ridge', 'Riverside', 'Valley', 'Summit', 'Harbor', 'Pinecrest', 'Lakeview', 'Westfield', 'Bayshore', 'Northgate', 'Oakmont', 'Silver Creek', 'Granite Falls', 'Meadowbrook'];

export interface Person { first: string; last: string; sex: 'F' | 'M'; dob: string }

export function patient(rng: Rng): Person {
  const sex = rng.chance(0.5) ? 'F' : 'M';
  const y = rng.int(1962, 1990);
  return { first: rng.pick(sex === 'F' ? FIRST_F : FIRST_M), last: rng.pick(LAST), sex, dob: `${y}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` };
}

export function clinicianName(rng: Rng, used: Set<string>): string {
  for (;;) {
    const n = `${rng.pick(CLIN_FIRST)} ${rng.pick(CLIN_LAST)}`;
    if (!used.has(n)) { used.add(n); return n; }
  }
}

export function place(rng: Rng): string { return rng.pick(PLACES); }
