// The department list, for filters and pickers, and one department's staff.
import { api } from '../../api/client.ts';
import { useQuery } from '../../ui/use-query.ts';
import type { Department } from './reports-types.ts';

export function useDepartments() {
  return useQuery(['reports-departments'], (signal) =>
    api.get<{ departments: Department[] }>('/api/v1/reports/departments', undefined, { signal }),
  );
}

export interface DepartmentOfficer {
  id: number;
  full_name: string | null;
  username: string | null;
  role: string;
  is_active: boolean;
}

/** The staff of a department (none without a department). */
export function useDepartmentOfficers(departmentId: number | null) {
  return useQuery(['dept-officers', departmentId], (signal) =>
    departmentId
      ? api.get<{ officers: DepartmentOfficer[] }>(`/api/v1/reports/departments/${departmentId}/officers`, undefined, {
          signal,
        })
      : Promise.resolve({ officers: [] as DepartmentOfficer[] }),
  );
}

export const officerName = (o: Pick<DepartmentOfficer, 'id' | 'full_name' | 'username'>) =>
  o.full_name ?? o.username ?? `User ${o.id}`;
