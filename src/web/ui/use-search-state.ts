// Filters and page number kept in the URL query, so a list can be bookmarked, reloaded and gone back to.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * `defaults` names every key the screen uses and its value when absent. Setting a key to its default removes it
 * from the URL. Changing any filter other than `page` goes back to page 1.
 */
export function useSearchState<T extends Record<string, string>>(defaults: T): [T, (changes: Partial<T>) => void] {
  const [params, setParams] = useSearchParams();
  const values = useMemo(() => {
    const out: Record<string, string> = { ...defaults };
    for (const key of Object.keys(defaults)) {
      const v = params.get(key);
      if (v !== null) out[key] = v;
    }
    return out as T;
  }, [params, defaults]);

  const update = useCallback(
    (changes: Partial<T>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === defaults[key]) next.delete(key);
            else next.set(key, value as string);
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: false },
      );
    },
    [setParams, defaults],
  );
  return [values, update];
}
