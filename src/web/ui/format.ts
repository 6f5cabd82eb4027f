// How dates and numbers read on screen.

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  if (Number.isNaN(d.getTime())) return value;
  return d.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function formatNumber(value: number | null | undefined): string {
  return typeof value === 'number' ? value.toLocaleString() : '—';
}

/** A name to show for a user: full name, else username, email or phone. */
export function displayName(user: {
  full_name?: string | null;
  username?: string | null;
  email?: string | null;
  phone?: string | null;
  id?: number;
}): string {
  return user.full_name || user.username || user.email || user.phone || (user.id ? `User #${user.id}` : 'Unknown');
}
