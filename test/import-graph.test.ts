import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The stages, bottom to top. A module may import from its own stage or any stage below it, never from above:
 * data flows one way, and shared primitives (lexicons, dates, evidence, instruments) live in knowledge/.
 */
const LAYERS = ['model', 'util', 'knowledge', 'context', 'ingest', 'segment', 'extract', 'profiles', 'analyze', 'report', 'pipeline', 'store', 'workspace', 'server', 'synth', 'eval', 'cli'];
const src = path.resolve(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}
/** "analyze/mmi.ts" → "analyze"; top-level files are named by themselves ("pipeline.ts" → "pipeline"). */
function layerOf(file: string): string {
  const rel = path.relative(src, file);
  return rel.includes(path.sep) ? rel.split(path.sep)[0] : rel.replace(/\.ts$/, '');
}

describe('import graph', () => {
  it('every stage imports only from itself or below', () => {
    const upward: string[] = [];
    for (const f of files(src)) {
      const from = layerOf(f);
      for (const m of readFileSync(f, 'utf8').matchAll(/from '(\.[^']+)\.js'/g)) {
        const target = path.resolve(path.dirname(f), m[1]) + '.ts';
        if (!target.startsWith(src)) continue;
        const to = layerOf(target);
        if (to !== from && LAYERS.indexOf(to) > LAYERS.indexOf(from)) upward.push(`${path.relative(src, f)} → ${path.relative(src, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });
  it('knows every stage folder', () => {
    const stages = readdirSync(src).filter((n) => statSync(path.join(src, n)).isDirectory());
    expect(stages.filter((s) => !LAYERS.includes(s))).toEqual([]);
  });
});
