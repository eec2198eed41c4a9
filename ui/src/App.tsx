import { Fragment } from 'preact';
import { createPortal } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, errorMessage, setPasswordChangeRequiredHandler, setUnauthorizedHandler } from './api';
import { AppContext, SessionContext, type AppApi } from './app-context';
import { Dialog } from './components/Dialog';
import { PasswordForm } from './components/PasswordForm';
import { useRoute, USERS_HREF } from './router';
import { CaseList } from './screens/CaseList';
import { CaseView } from './screens/CaseView';
import { ChangePassword } from './screens/ChangePassword';
import { SignIn } from './screens/SignIn';
import { Users } from './screens/Users';
import type { Me } from './types';

interface Toast { id: number; message: string }

/** Who is using the workspace: not known yet, signed in (or local mode), signed out (server mode), or unreachable. */
type Session =
  | { state: 'loading' }
  | { state: 'in'; me: Me }
  | { state: 'out'; notice?: string }
  | { state: 'error'; message: string };

const ROLE_LABEL: Record<string, string> = { administrator: 'administrator', reviewer: 'reviewer', 'read-only': 'read-only' };

export function App() {
  const route = useRoute();
  const [live, setLive] = useState('');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [health, setHealth] = useState<{ version: string; encrypted?: boolean } | null>(null);
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const [signingOut, setSigningOut] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const seq = useRef(0);
  const main = useRef<HTMLElement>(null);
  /** Set as soon as a call answers 401: the failing screen's own error toasts are then not worth showing. */
  const signedOut = useRef(false);

  const app = useMemo<AppApi>(() => ({
    announce(message) {
      // Clear first so that the same message is read again.
      setLive('');
      setTimeout(() => setLive(message), 50);
    },
    error(message) {
      if (signedOut.current) return;
      const id = ++seq.current;
      setToasts((t) => [...t.slice(-2), { id, message }]);
      setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 10_000);
    },
  }), []);

  useEffect(() => {
    api.health().then(setHealth, () => setHealth(null));
    // Server mode: any call answering 401 brings the sign-in screen; the route is kept, so signing in returns to it.
    setUnauthorizedHandler(() => {
      if (signedOut.current) return;
      signedOut.current = true;
      setSession((s) => ({
        state: 'out',
        notice: s.state === 'in' ? 'Your session ended (after 30 minutes without activity, or a sign-out elsewhere). Sign in again to go on where you were.' : undefined,
      }));
    });
    // Server mode: a one-time password still in use (the server refuses everything else) brings the change-password screen.
    setPasswordChangeRequiredHandler(() => setSession((s) => (s.state === 'in' ? { state: 'in', me: { ...s.me, mustChangePassword: true } } : s)));
    api.me().then(
      (me) => setSession({ state: 'in', me }),
      (e) => {
        if (e instanceof ApiError && e.status === 401) return; // the handler above shows the sign-in screen
        // A server without GET /api/me is a local single-user one.
        if (e instanceof ApiError && e.status === 404) setSession({ state: 'in', me: { name: 'local user', role: 'administrator', mode: 'local' } });
        else setSession({ state: 'error', message: errorMessage(e) });
      },
    );
    return () => {
      setUnauthorizedHandler(null);
      setPasswordChangeRequiredHandler(null);
    };
  }, []);

  useEffect(() => {
    if (session.state === 'out' && session.notice) app.announce(session.notice);
  }, [session]);

  const signedIn = (me: Me) => {
    signedOut.current = false;
    setToasts([]);
    setSession({ state: 'in', me });
    app.announce(`Signed in as ${me.name}.`);
    // Back on the screen the user was on: its heading takes the focus, as after any navigation.
    setTimeout(() => main.current?.querySelector<HTMLElement>('h1')?.focus(), 300);
  };

  const focusHeading = () => setTimeout(() => main.current?.querySelector<HTMLElement>('h1')?.focus(), 60);

  /** The administrator changed their own account on the users screen: their role or status may differ now. */
  const refreshMe = () => {
    api.me().then((me) => setSession({ state: 'in', me }), () => {});
  };

  const passwordChanged = () => {
    setChangingPassword(false);
    setSession((s) => (s.state === 'in' ? { state: 'in', me: { ...s.me, mustChangePassword: false } } : s));
    app.announce('Your password is changed. Your sessions in other browsers are signed out.');
    focusHeading();
  };

  const signOut = async (everywhere: boolean) => {
    setSigningOut(true);
    try {
      await (everywhere ? api.logoutAll() : api.logout());
      signedOut.current = true;
      setToasts([]);
      setSession({ state: 'out', notice: everywhere ? 'You are signed out on every browser and computer.' : 'You are signed out.' });
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) app.error(errorMessage(e));
    } finally {
      setSigningOut(false);
    }
  };

  const me = session.state === 'in' ? session.me : null;

  // Move focus to the page's heading on navigation, for keyboard and screen-reader users.
  const key = route.name === 'case' ? `case:${route.id}` : route.name;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const t = focusHeading();
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
        <span class="topbar-local" title={me?.mode === 'accounts' ? 'Served from this computer; every user signs in' : 'Everything stays on this computer'}>
          {[
            me?.mode === 'local' && <span key="mode">Local single-user mode</span>,
            health?.encrypted === true && <span key="enc">encrypted at rest</span>,
            health?.encrypted === false && <span key="enc" title="Start the server with --key-file to encrypt the case files and database">not encrypted at rest</span>,
            health && <span key="v">v{health.version}</span>,
          ].filter(Boolean).map((x, i) => <Fragment key={i}>{i > 0 && ' · '}{x}</Fragment>)}
        </span>
        {me?.mode === 'accounts' && (
          <div class="topbar-user">
            <span class="topbar-who">
              <span class="sr-only">Signed in as </span>
              <span class="topbar-name" data-testid="signed-in-user">{me.name}</span>
              <span class={`topbar-role${me.role === 'read-only' ? ' topbar-role-ro' : ''}`} title={me.role === 'read-only' ? 'You can read cases but not change them' : undefined}>
                {ROLE_LABEL[me.role] ?? me.role}
              </span>
            </span>
            {me.role === 'administrator' && !me.mustChangePassword && (
              <a href={USERS_HREF} class="btn btn-small btn-topbar" aria-current={route.name === 'users' ? 'page' : undefined}>Users</a>
            )}
            {!me.mustChangePassword && (
              <button type="button" class="btn btn-small btn-topbar" onClick={() => setChangingPassword(true)}>Change password</button>
            )}
            <button type="button" class="btn btn-small btn-topbar" disabled={signingOut} onClick={() => signOut(false)}>Sign out</button>
            <button type="button" class="btn btn-small btn-topbar" disabled={signingOut} onClick={() => signOut(true)} title="Ends your sessions in every browser and on every computer">
              Sign out everywhere
            </button>
          </div>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1} class="main">
        {session.state === 'loading' && <p class="muted" role="status">Loading…</p>}
        {session.state === 'error' && (
          <div class="page-narrow">
            <h1 tabIndex={-1}>The workspace could not be opened</h1>
            <p class="notice notice-error" role="alert">{session.message}</p>
            <p><button type="button" class="btn" onClick={() => location.reload()}>Try again</button></p>
          </div>
        )}
        {session.state === 'out' && <SignIn notice={session.notice} onSignedIn={signedIn} />}
        {session.state === 'in' && session.me.mustChangePassword && (
          <ChangePassword name={session.me.name} onChanged={passwordChanged} onSignOut={() => signOut(false)} />
        )}
        {session.state === 'in' && !session.me.mustChangePassword && (
          <SessionContext.Provider value={session.me}>
            {route.name === 'list' && <CaseList />}
            {route.name === 'users' && (session.me.mode === 'accounts' && session.me.role === 'administrator'
              ? <Users onSelfChanged={refreshMe} />
              : (
                <div class="page-narrow">
                  <h1 tabIndex={-1}>Users</h1>
                  <p class="notice notice-info">
                    {session.me.mode === 'accounts' ? 'Only administrators manage users.' : 'Local single-user mode has no accounts: start the server with --accounts for users.'}
                  </p>
                </div>
              ))}
            {route.name === 'case' && <CaseView key={route.id} id={route.id} tab={route.tab} />}
          </SessionContext.Provider>
        )}
        {changingPassword && (
          <Dialog title="Change your password" subtitle="Your sessions in other browsers are signed out when it changes." onClose={() => setChangingPassword(false)} size="small" testId="password-dialog">
            <PasswordForm onChanged={passwordChanged} onCancel={() => setChangingPassword(false)} />
          </Dialog>
        )}
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
