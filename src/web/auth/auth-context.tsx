// Who is signed in and what they may do: GET /api/v1/auth/me, reloaded when tokens change (here or in another tab).
// The last answer is kept on the device, so an app started without a connection still knows who is signed in
// (to file reports offline); the API stays the real check, and coming back online loads /me again.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { isApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import { tokens } from '../api/tokens.ts';
import type { Me, Tokens, User } from '../api/types.ts';

export type AuthStatus = 'loading' | 'signed_in' | 'signed_out';

export interface AuthValue {
  status: AuthStatus;
  user: User | null;
  permissions: string[];
  /** True after the user chose to sign out (not when a session expired): sign-in then starts afresh. */
  signedOutByUser: boolean;
  /** True when the user holds the permission (or every one of a list). */
  can(permission: string | string[]): boolean;
  /** Stores the tokens of a finished sign-in and loads the user. */
  signIn(pair: Tokens): Promise<void>;
  /** Ends the session on the server (best effort) and forgets the tokens. */
  signOut(): Promise<void>;
  /** Reloads /me, e.g. after the profile or 2FA changed. */
  reload(): Promise<void>;
  /** Replaces the user after a PATCH /me answered with it. */
  setUser(user: User): void;
}

const AuthContext = createContext<AuthValue | null>(null);

const lastMeKey = 'caucus.last_me';
const lastMe = {
  read(): Me | null {
    try {
      const stored = localStorage.getItem(lastMeKey);
      return stored ? (JSON.parse(stored) as Me) : null;
    } catch {
      return null;
    }
  },
  write(me: Me | null) {
    try {
      if (me) localStorage.setItem(lastMeKey, JSON.stringify(me));
      else localStorage.removeItem(lastMeKey);
    } catch {
      // Storage full or blocked: only offline starts lose the remembered user.
    }
  },
};

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>(tokens.access() ? 'loading' : 'signed_out');
  const [me, setMe] = useState<Me | null>(null);
  const [signedOutByUser, setSignedOutByUser] = useState(false);

  const reload = useCallback(async () => {
    if (!tokens.access()) {
      lastMe.write(null);
      setMe(null);
      setStatus('signed_out');
      return;
    }
    try {
      const answer = await api.get<Me>('/api/v1/auth/me');
      lastMe.write(answer);
      setMe(answer);
      setStatus('signed_in');
    } catch (error) {
      if (isApiError(error) && (error.status === 401 || error.status === 403)) {
        tokens.clear();
        lastMe.write(null);
        setMe(null);
        setStatus('signed_out');
      } else {
        // Server unreachable: keep what we know (at start, the user this device last saw signed in with these
        // tokens); the screens show their own errors.
        const known = isApiError(error) && error.status === 0 ? lastMe.read() : null;
        if (known) setMe((m) => m ?? known);
        setStatus((s) => (s === 'loading' ? (known ? 'signed_in' : 'signed_out') : s));
      }
    }
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once at start
  useEffect(() => {
    void reload();
  }, []);

  // Back online after an offline start: check the session with the server.
  useEffect(() => {
    const onOnline = () => void reload();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [reload]);

  useEffect(
    () =>
      tokens.subscribe((event) => {
        if (event === 'signed_out') {
          lastMe.write(null);
          setMe(null);
          setStatus('signed_out');
        } else if (event === 'signed_in') void reload();
      }),
    [reload],
  );

  const value = useMemo<AuthValue>(() => {
    const granted = new Set(me?.permissions ?? []);
    return {
      status,
      user: me?.user ?? null,
      permissions: me?.permissions ?? [],
      signedOutByUser,
      can: (permission) => (Array.isArray(permission) ? permission : [permission]).every((p) => granted.has(p)),
      async signIn(pair) {
        setSignedOutByUser(false);
        tokens.set(pair, 'refreshed'); // stored quietly; the load below is the one that counts
        setStatus('loading');
        await reload();
      },
      async signOut() {
        setSignedOutByUser(true);
        try {
          if (tokens.access()) await api.post('/api/v1/auth/logout');
        } catch {
          // The session may already be gone; forgetting the tokens is what matters here.
        }
        tokens.clear();
        lastMe.write(null);
        setMe(null);
        setStatus('signed_out');
      },
      reload,
      setUser: (user) =>
        setMe((m) => {
          const updated = m ? { ...m, user } : m;
          if (updated) lastMe.write(updated);
          return updated;
        }),
    };
  }, [me, status, reload, signedOutByUser]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() needs <AuthProvider> above it');
  return value;
}
