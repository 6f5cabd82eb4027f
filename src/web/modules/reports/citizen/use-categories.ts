// Report categories (GET /api/v1/reports/categories, public), remembered in localStorage so the report form
// still offers them offline.
import { api } from '../../../api/client.ts';
import { useQuery } from '../../../ui/use-query.ts';
import type { Category } from './citizen-types.ts';

const cacheKey = 'caucus.report_categories';

function cached(): Category[] | undefined {
  try {
    const text = localStorage.getItem(cacheKey);
    return text ? (JSON.parse(text) as Category[]) : undefined;
  } catch {
    return undefined;
  }
}

export function useCategories() {
  const query = useQuery(['report-categories'], async (signal) => {
    try {
      const { categories } = await api.get<{ categories: Category[] }>('/api/v1/reports/categories', undefined, {
        signal,
      });
      const visible = categories.filter((c) => c.is_public);
      localStorage.setItem(cacheKey, JSON.stringify(visible));
      return visible;
    } catch (error) {
      const fallback = cached();
      if (fallback && !signal.aborted) return fallback;
      throw error;
    }
  });
  return query;
}
