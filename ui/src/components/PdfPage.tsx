import { useEffect, useRef, useState } from 'preact/hooks';

/** One page of the original PDF, drawn by pdf.js onto a canvas, with the quoted words marked when given. */
export function PdfPage({ url, page, file, quote }: { url: string; page: number; file: string; quote?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ok' | 'error'>('loading');
  const [marked, setMarked] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    let alive = true;
    setState('loading');
    const width = Math.max(300, (box.current?.clientWidth ?? 540) - 24);
    import('../pdf')
      .then((m) => m.renderPdfPage(url, page, canvas.current!, width, quote))
      .then((r) => {
        if (!alive) return;
        setMarked(r.marked);
        setState('ok');
      })
      .catch((e: unknown) => {
        if (!alive) return;
        setState('error');
        setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      alive = false;
    };
  }, [url, page, quote]);

  return (
    <div class="pdf-wrap">
      {state === 'ok' && quote && (
        <p class="muted small pdf-note">{marked ? 'The quoted words are highlighted on the page.' : 'The quoted words could not be located on the page image; see the text view.'}</p>
      )}
      <div class="pdf-page" ref={box}>
        {state === 'loading' && <p class="muted" role="status">Rendering PDF page {page}…</p>}
        {state === 'error' && <p class="notice notice-error" role="alert">The PDF page could not be shown: {error}</p>}
        <canvas ref={canvas} role="img" aria-label={`Page ${page} of the original PDF, ${file}`} hidden={state === 'error'} />
      </div>
    </div>
  );
}
