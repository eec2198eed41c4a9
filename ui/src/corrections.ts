import type { Correction, Gap } from './types';

export function parseJson(v: unknown): Record<string, unknown> | undefined {
  if (v && typeof v === 'object') return v as Record<string, unknown>;
  if (typeof v === 'string' && v.trim()) {
    try {
      const o = JSON.parse(v);
      return o && typeof o === 'object' ? o : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export const withdrawnAt = (k: Correction) => k.withdrawnAt ?? k.withdrawn_at ?? null;
export const createdAt = (k: Correction) => k.createdAt ?? k.created_at ?? '';

/** The active correction that gave a gap its current review state, found by anchor: only for a server whose gap reviews lack `correctionId`. */
export function gapCorrection(list: Correction[] | null, gap: Gap, action?: string): Correction | undefined {
  if (!list) return undefined;
  const mine = list.filter((k) => {
    if (k.target !== 'gap' || withdrawnAt(k)) return false;
    if (action && k.action !== action) return false;
    const a = parseJson(k.anchor);
    if (!a) return false;
    return a.ruleId === gap.ruleId && (a.title == null || a.title === gap.title) && (a.to == null || a.to === gap.request.to);
  });
  return mine.sort((x, y) => createdAt(y).localeCompare(createdAt(x)) || Number(y.id) - Number(x.id))[0];
}
