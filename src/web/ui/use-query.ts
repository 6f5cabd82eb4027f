// Loading, error and data for one GET, refetched when its key changes; plus useAction for writes.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetches again with the same key. */
  reload(): void;
  /** Replaces the data locally (after a write answered with the new version). */
  setData(update: T | ((old: T | undefined) => T)): void;
}

/**
 * `key` says what is being fetched (anything JSON-serialisable); a new key fetches again and cancels the
 * previous request. A null key fetches nothing (e.g. while an id is not known yet).
 */
export function useQuery<T>(key: unknown, fetcher: (signal: AbortSignal) => Promise<T>): QueryState<T> {
  const serialized = key === null ? null : JSON.stringify(key);
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(serialized !== null);
  const [generation, setGeneration] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch exactly when the key or generation changes
  useEffect(() => {
    if (serialized === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetcherRef.current(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setLoading(false);
      },
      (err) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [serialized, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, error, loading, reload, setData };
}

export interface ActionState<A extends unknown[], R> {
  run(...args: A): Promise<R | undefined>;
  busy: boolean;
  error: unknown;
  reset(): void;
}

/** A write the user starts: `busy` while it runs, `error` when it failed (run resolves undefined then). */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): ActionState<A, R> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const run = useCallback(async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      return await fnRef.current(...args);
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const reset = useCallback(() => setError(null), []);
  return { run, busy, error, reset };
}
