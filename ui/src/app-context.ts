import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Evidence } from './types';

export interface AppApi {
  /** Says something to screen-reader users through the polite live region. */
  announce(message: string): void;
  /** Shows an error (role=alert) until dismissed. */
  error(message: string): void;
}

export const AppContext = createContext<AppApi>({ announce: () => {}, error: () => {} });
export const useApp = () => useContext(AppContext);

/** Opens the evidence viewer on one citation. Provided by the case view. */
export const EvidenceContext = createContext<(e: Evidence) => void>(() => {});
export const useOpenEvidence = () => useContext(EvidenceContext);
