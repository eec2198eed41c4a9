import { useState } from 'preact/hooks';
import { useOpenEvidence } from '../app-context';
import { evidenceLabel, evidenceLong } from '../format';
import type { Evidence } from '../types';

function clip(s: string, n = 90) {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}

/** A citation chip: a button that opens the cited page with the quoted words highlighted. */
export function Citation({ evidence }: { evidence: Evidence }) {
  const open = useOpenEvidence();
  const label = evidenceLabel(evidence);
  return (
    <button
      type="button"
      class="chip"
      data-testid="citation"
      title={`${evidenceLong(evidence)}\n“${clip(evidence.quote, 200)}”`}
      aria-label={`${label}: open source, ${evidenceLong(evidence)}: “${clip(evidence.quote)}”`}
      onClick={(e) => {
        e.stopPropagation();
        open(evidence);
      }}
    >
      <span class="chip-icon" aria-hidden="true">¶</span>
      {label}
    </button>
  );
}

/** Chips for a list of evidence, the first few shown and the rest behind "+N more". */
export function Citations({ evidence, max = 4, label }: { evidence: Evidence[] | undefined; max?: number; label?: string }) {
  const [all, setAll] = useState(false);
  if (!evidence || evidence.length === 0) return null;
  // The same span cited twice is shown once.
  const seen = new Set<string>();
  const unique = evidence.filter((e) => {
    const k = `${e.file}|${e.start}|${e.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const shown = all ? unique : unique.slice(0, max);
  const rest = unique.length - shown.length;
  return (
    <span class="chips" role="group" aria-label={label ?? 'Citations'}>
      {shown.map((e) => <Citation key={`${e.file}|${e.start}|${e.end}`} evidence={e} />)}
      {rest > 0 && (
        <button type="button" class="chip chip-more" onClick={(ev) => { ev.stopPropagation(); setAll(true); }} aria-label={`Show ${rest} more sources`}>
          +{rest} more
        </button>
      )}
    </span>
  );
}
