// The department list, for filters and pickers.
import { api } from '../../api/client.ts';
import { useQuery } from '../../ui/use-query.ts';
import type { Department } from './reports-types.ts';

export function useDepartments() {
  return useQuery(['reports-departments'], (signal) =>
    api.get<{ departments: Department[] }>('/api/v1/reports/departments', undefined, { signal }),
  );
}
