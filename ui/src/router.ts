import { useEffect, useState } from 'preact/hooks';

export type Tab = 'documents' | 'overview' | 'timeline' | 'claimant' | 'facts' | 'gaps' | 'corrections' | 'exports';
export const TABS: { id: Tab; label: string }[] = [
  { id: 'documents', label: 'Documents' },
  { id: 'overview', label: 'Overview' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'claimant', label: 'Claimant' },
  { id: 'facts', label: 'Facts' },
  { id: 'gaps', label: 'Gaps' },
  { id: 'corrections', label: 'Corrections' },
  { id: 'exports', label: 'Exports' },
];

export type Route = { name: 'list' } | { name: 'users' } | { name: 'case'; id: string; tab?: Tab };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts[0] === 'case' && parts[1]) {
    const tab = TABS.find((t) => t.id === parts[2])?.id;
    return { name: 'case', id: parts[1], tab };
  }
  if (parts[0] === 'users') return { name: 'users' };
  return { name: 'list' };
}

export const USERS_HREF = '#/users';
export const caseHref = (id: string, tab?: Tab) => `#/case/${encodeURIComponent(id)}${tab ? `/${tab}` : ''}`;

export function navigate(href: string, replace = false) {
  if (replace) history.replaceState(null, '', href);
  else location.hash = href.replace(/^#/, '');
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
