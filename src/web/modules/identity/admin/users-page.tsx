// /admin/users: find users by role, status and name; create one.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { Button } from '../../../ui/button.tsx';
import { DataTable } from '../../../ui/data-table.tsx';
import { FilterBar, formValues } from '../../../ui/filter-bar.tsx';
import { SelectField, TextField } from '../../../ui/form-field.tsx';
import { displayName, formatDateTime } from '../../../ui/format.ts';
import { Page } from '../../../ui/page.tsx';
import { useToast } from '../../../ui/toast.tsx';
import { useQuery } from '../../../ui/use-query.ts';
import { useSearchState } from '../../../ui/use-search-state.ts';
import { roleLabel, type UserList } from '../identity-types.ts';
import { useRoles } from '../use-roles.ts';
import { NewUserDialog } from './new-user-dialog.tsx';
import { PromotionCandidates } from './promotion-candidates.tsx';
import { UserStatus } from './user-badges.tsx';

const DEFAULTS = { search: '', role: '', is_active: '', page: '1' };
const PER_PAGE = 20;

export function UsersPage() {
  const auth = useAuth();
  const toast = useToast();
  const navigate = useNavigate();
  const roles = useRoles();
  const [filters, setFilters] = useSearchState(DEFAULTS);
  const [creating, setCreating] = useState(false);
  const page = Math.max(1, Number(filters.page) || 1);
  const users = useQuery(['users', filters], (signal) =>
    api.get<UserList>(
      '/api/v1/users',
      { search: filters.search, role: filters.role, is_active: filters.is_active, page, per_page: PER_PAGE },
      { signal },
    ),
  );

  return (
    <Page
      title="Users"
      actions={
        auth.can('users:write') && (
          <Button variant="primary" onClick={() => setCreating(true)}>
            New user
          </Button>
        )
      }
    >
      <FilterBar
        label="Filter users"
        values={filters}
        onApply={(form) => setFilters(formValues(form))}
        onClear={() => setFilters({ search: '', role: '', is_active: '' })}
      >
        <TextField
          label="Name, email or phone"
          name="search"
          type="search"
          defaultValue={filters.search}
          maxLength={200}
        />
        <SelectField
          label="Role"
          name="role"
          defaultValue={filters.role}
          options={[
            { value: '', label: 'Any role' },
            ...(roles.data ?? []).map((r) => ({ value: r.name, label: roleLabel(r.name) })),
          ]}
        />
        <SelectField
          label="Status"
          name="is_active"
          defaultValue={filters.is_active}
          options={[
            { value: '', label: 'Any status' },
            { value: 'true', label: 'Active' },
            { value: 'false', label: 'Inactive' },
          ]}
        />
      </FilterBar>
      <DataTable
        caption="Users"
        captionHidden
        rows={users.data?.users}
        loading={users.loading}
        error={users.error}
        rowKey={(u) => u.id}
        emptyTitle="No users match these filters"
        pagination={
          users.data && {
            page,
            perPage: PER_PAGE,
            total: users.data.total,
            onPage: (p) => setFilters({ page: String(p) }),
          }
        }
        columns={[
          { key: 'name', header: 'Name', render: (u) => <Link to={`/admin/users/${u.id}`}>{displayName(u)}</Link> },
          { key: 'username', header: 'Username', render: (u) => u.username ?? '—' },
          { key: 'contact', header: 'Email / phone', render: (u) => u.email ?? u.phone ?? '—' },
          { key: 'role', header: 'Role', render: (u) => roleLabel(u.role) },
          { key: 'status', header: 'Status', render: (u) => <UserStatus user={u} /> },
          { key: 'last', header: 'Last sign-in', className: 'nowrap', render: (u) => formatDateTime(u.last_login) },
        ]}
      />
      <PromotionCandidates />
      <NewUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          toast.show(`User ${displayName(user)} created`);
          navigate(`/admin/users/${user.id}`);
        }}
      />
    </Page>
  );
}
