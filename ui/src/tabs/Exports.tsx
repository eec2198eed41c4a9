import { api } from '../api';
import type { CaseCtx } from '../screens/CaseView';

/** `openable`: an HTML export that also opens in a new tab (`?inline=1`, served under its own strict policy). */
const EXPORTS: { name: string; title: string; what: string; testId?: string; primary?: boolean; openable?: boolean }[] = [
  { name: 'report.pdf', title: 'Report (PDF)', what: 'The full cited analysis, ready to file or send.', testId: 'export-pdf', primary: true },
  { name: 'report.html', title: 'Report (HTML)', what: 'The same report as a self-contained web page.', openable: true },
  { name: 'letters.docx', title: 'Request letters (Word)', what: 'One letter per provider asking for what the record lacks; edit before sending.' },
  { name: 'letters.pdf', title: 'Request letters (PDF)', what: 'The same letters, ready to print.' },
  { name: 'chronology.csv', title: 'Medical chronology (CSV)', what: 'Every dated fact with its citation, for a spreadsheet.' },
  { name: 'claimant.html', title: 'Claimant guide (HTML)', what: 'A plain-language explanation and the questions to bring to each provider.', openable: true },
  { name: 'analysis.json', title: 'Analysis (JSON)', what: 'The machine-readable analysis (the stable contract), with corrections.' },
];

export function ExportsTab({ ctx }: { ctx: CaseCtx }) {
  const ready = !!ctx.analysis;
  const active = ctx.corrections?.filter((k) => !(k.withdrawnAt ?? k.withdrawn_at)).length ?? 0;
  return (
    <div class="stack">
      {!ready && <div class="notice notice-warn">Exports become available once the records have been analysed.</div>}
      {ready && (
        <p class="muted">
          Every export reflects the current analysis{active ? ` and lists the ${active} active correction${active === 1 ? '' : 's'}` : ''}. Files are produced on this computer and named after the claimant.
        </p>
      )}
      <ul class="export-grid">
        {EXPORTS.map((x) => (
          <li key={x.name} class="card export">
            <h2 class="h-small">{x.title}</h2>
            <p class="muted small">{x.what}</p>
            {ready ? (
              <div class="export-actions">
                <a
                  class={`btn ${x.primary ? 'btn-primary' : ''}`}
                  href={api.exportUrl(ctx.id, x.name)}
                  download
                  data-testid={x.testId}
                >
                  Download <span class="mono small">{x.name}</span>
                </a>
                {x.openable && (
                  <a class="btn" href={api.exportOpenUrl(ctx.id, x.name)} target="_blank" rel="noopener noreferrer">
                    Open<span class="sr-only"> {x.name} in a new tab</span> <span aria-hidden="true">↗</span>
                  </a>
                )}
              </div>
            ) : (
              <span class="btn btn-disabled" aria-disabled="true" data-testid={x.testId}>Not available yet</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
