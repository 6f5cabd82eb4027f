// Shapes of the admin API answers the identity screens read.
import type { User } from '../../api/types.ts';

export interface RoleInfo {
  name: string;
  level: number;
  seed: string;
  description: string;
  permissions: string[];
}

export interface RoleHistoryEntry {
  id: number;
  user_id: number;
  old_role: string | null;
  new_role: string;
  changed_by: number | null;
  changed_by_username: string | null;
  reason: string | null;
  automatic: boolean;
  created_at: string;
}

export interface AdminSession {
  id: number;
  user_id: number;
  device_info: unknown;
  ip_address: string | null;
  user_agent: string | null;
  login_method: string;
  is_active: boolean;
  last_activity: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface AuditLogEntry {
  id: number;
  user_id: number | null;
  user_role: string | null;
  action: string;
  status: string;
  timestamp: string;
  ip_address: string | null;
  user_agent: string | null;
  description: string | null;
  extra_data: unknown;
  resource_type: string | null;
  resource_id: string | null;
  request_id: string | null;
}

export interface ApiKeyInfo {
  id: number;
  name: string;
  scope: string;
  key_prefix: string;
  user_id: number | null;
  created_by: number | null;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface OutboxMessage {
  id: number;
  channel: string;
  to_address: string;
  subject: string | null;
  text_body: string;
  template: string | null;
  status: string;
  transport: string | null;
  error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface UserList {
  users: User[];
  total: number;
  page: number;
  per_page: number;
  total_pages: number;
}

/** "super_admin" → "super admin" for display. */
export const roleLabel = (role: string) => role.replace(/_/g, ' ');

/** A short description of a browser from its user agent. */
export function describeAgent(userAgent: string | null, deviceInfo?: unknown): string {
  if (deviceInfo && typeof deviceInfo === 'string') return deviceInfo;
  if (deviceInfo && typeof deviceInfo === 'object') {
    // The server stores {browser, os, mobile} read from the User-Agent at sign-in.
    const { browser, os } = deviceInfo as { browser?: string; os?: string };
    if (browser || os) return [browser, os].filter(Boolean).join(' on ');
  }
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : /curl|node|undici/i.test(userAgent)
            ? 'Script'
            : 'Browser';
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}
