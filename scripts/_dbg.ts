import { tokenize } from '../src/context/tokenize.ts';
import { matchTriggers } from '../src/context/engine.ts';
import { judgeConcept } from '../src/context/tsv.ts';
const [s, c] = process.argv.slice(2);
console.log(matchTriggers(tokenize(s)).map((m) => `${s.slice(m.start, m.end)}:${m.rules.map((r) => r.category + '/' + r.direction).join(',')}`));
console.log(JSON.stringify(judgeConcept(s, c)));
