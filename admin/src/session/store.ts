/** The staff token of this browser tab (sessionStorage: closing the tab signs out). */
const KEY = 'mashang-admin-token';

export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function writeToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

type Listener = () => void;
const expiryListeners = new Set<Listener>();

/** Called when the API answers 401: the session is over (logged out elsewhere, account changed). */
export function onSessionExpired(listener: Listener): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

export function sessionExpired(): void {
  writeToken(null);
  for (const l of expiryListeners) l();
}
