// Where the tokens live: localStorage, so a reload keeps the session. Listeners hear sign-in and sign-out.

const ACCESS = 'caucus.access_token';
const REFRESH = 'caucus.refresh_token';

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type?: string;
  expires_in?: number;
}

/** signed_in: new tokens from a sign-in; refreshed: rotated silently; signed_out: cleared. */
export type TokenEvent = 'signed_in' | 'refreshed' | 'signed_out';
type Listener = (event: TokenEvent) => void;
const listeners = new Set<Listener>();

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export const tokens = {
  access: () => read(ACCESS),
  refresh: () => read(REFRESH),
  set(pair: TokenPair, event: 'signed_in' | 'refreshed' = 'signed_in') {
    localStorage.setItem(ACCESS, pair.access_token);
    localStorage.setItem(REFRESH, pair.refresh_token);
    for (const l of listeners) l(event);
  },
  clear() {
    const had = read(ACCESS) !== null || read(REFRESH) !== null;
    localStorage.removeItem(ACCESS);
    localStorage.removeItem(REFRESH);
    if (had) for (const l of listeners) l('signed_out');
  },
  /** Hears every change of the stored tokens; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Another tab signing in or out changes the same storage.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== ACCESS) return;
    const kind: TokenEvent =
      event.newValue === null ? 'signed_out' : event.oldValue === null ? 'signed_in' : 'refreshed';
    for (const l of listeners) l(kind);
  });
}
