import { createPortal } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from './api';
import { AppContext, type AppApi } from './app-context';
import { useRoute } from './router';
import { CaseList } from './screens/CaseList';
import { CaseView } from './screens/CaseView';

interface Toast { id: number; message: string }

export function App() {
  const route = useRoute();
  const [live, setLive] = useState('');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [health, setHealth] = useState<{ version: string; encrypted?: boolean } | null>(null);
  const seq = useRef(0);
  const main = useRef<HTMLElement>(null);

  const app = useMemo<AppApi>(() => ({
    announce(message) {
      // Clear first so that the same message is read again.
      setLive('');
      setTimeout(() => setLive(message), 50);
    },
    error(message) {
      const id = ++seq.current;
      setToasts((t) => [...t.slice(-2), { id, message }]);
      setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 10_000);
    },
  }), []);

  useEffect(() => {
    api.health().then(setHealth, () => setHealth(null));
  }, []);

  // Move focus to the page's heading on navigation, for keyboard and screen-reader users.
  const key = route.name === 'case' ? `case:${route.id}` : 'list';
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const t = setTimeout(() => main.current?.querySelector<HTMLElement>('h1')?.focus(), 60);
    return () => clearTimeout(t);
  }, [key]);

  return (
    <AppContext.Provider value={app}>
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>Skip to content</a>
      <header class="topbar">
        <a href="#/" class="brand" aria-label="Plateau — all cases">
          <svg class="brand-mark" viewBox="0 0 32 32" width="22" height="22" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="6" fill="#223a54" />
            <path d="M6 24 L13 12 L18 17 L26 17" fill="none" stroke="#8fc1ea" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" />
          </svg>
          <span class="brand-name">Plateau</span>
        </a>
        <span class="topbar-sub">Medical record review</span>
        <span class="spacer" />
        <span class="topbar-local" title="Everything stays on this computer">
          Local workspace
          {health?.encrypted === true && <> · encrypted at rest</>}
          {health?.encrypted === false && <span title="Start the server with --key-file to encrypt the case files and database"> · not encrypted at rest</span>}
          {health ? ` · v${health.version}` : ''}
        </span>
      </header>
      <main id="main" ref={main} tabIndex={-1} class="main">
        {route.name === 'list' && <CaseList />}
        {route.name === 'case' && <CaseView key={route.id} id={route.id} tab={route.tab} />}
      </main>
      {createPortal(
        <>
          <div class="sr-only" aria-live="polite" aria-atomic="true" data-testid="live-region">{live}</div>
          <div class="toasts" role="alert" aria-live="assertive">
            {toasts.map((t) => (
              <div key={t.id} class="toast">
                <span>{t.message}</span>
                <button type="button" class="btn btn-ghost btn-icon" aria-label="Dismiss message" onClick={() => setToasts((x) => x.filter((y) => y.id !== t.id))}>
                  <span aria-hidden="true">×</span>
                </button>
              </div>
            ))}
          </div>
        </>,
        document.body,
      )}
    </AppContext.Provider>
  );
}
