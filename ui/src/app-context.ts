import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Evidence, Me } from './types';

export interface AppApi {
  /** Says something to screen-reader users through the polite live region. */
  announce(message: string): void;
  /** Shows an error (role=alert) until dismissed. */
  error(message: string): void;
}

export const AppContext = createContext<AppApi>({ announce: () => {}, error: () => {} });
export const useApp = () => useContext(AppContext);

/** Who is signed in (server mode) or the local user. Provided by the shell once GET /api/me answered. */
export const SessionContext = createContext<Me | null>(null);
export const useSession = () => useContext(SessionContext);
/**
 * Whether the user may change anything. A read-only user sees no control that would change a case (the server
 * refuses them anyway): upload, delete, run, corrections, verdict, case details, new case.
 */
export const useCanEdit = () => useContext(SessionContext)?.role !== 'read-only';

/** Opens the evidence viewer on one citation. Provided by the case view. */
export const EvidenceContext = createContext<(e: Evidence) => void>(() => {});
export const useOpenEvidence = () => useContext(EvidenceContext);
