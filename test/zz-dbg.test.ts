import { it } from 'vitest';
import { factsOf } from '/work/main/test/helpers/extract-doc.js';
it('x', () => { for (const f of factsOf(process.env.T!).facts) console.log(f.type, JSON.stringify(f.attributes), f.evidence[0].quote); });
