// Shapes the identity API answers with (see the user presenter on the server).

export interface User {
  id: number;
  username: string | null;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  full_name: string | null;
  role: string;
  is_admin: boolean;
  is_active: boolean;
  email_verified: boolean;
  phone_verified: boolean;
  two_fa_enabled: boolean;
  profile_completion: string;
  reputation_score: number;
  total_reports: number;
  total_validations: number;
  helpful_validations: number;
  department_id: number | null;
  employee_id: string | null;
  primary_latitude: number | null;
  primary_longitude: number | null;
  primary_address: string | null;
  avatar_url: string | null;
  bio: string | null;
  preferred_language: string;
  push_notifications: boolean;
  sms_notifications: boolean;
  email_notifications: boolean;
  account_created_via: string;
  login_count: number;
  last_login: string | null;
  locked_until: string | null;
  expires_at: string | null;
  created_at: string;
  updated_at: string | null;
}

export interface Me {
  user: User;
  permissions: string[];
}

export interface TwoFactorChallenge {
  two_factor_required: true;
  challenge_token: string;
  methods: string[];
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: 'bearer';
  expires_in: number;
}

export type LoginAnswer = Tokens | TwoFactorChallenge;

export function isChallenge(answer: LoginAnswer): answer is TwoFactorChallenge {
  return (answer as TwoFactorChallenge).two_factor_required === true;
}

export interface Session {
  id: number | string;
  /** {browser, os, mobile} read from the User-Agent at sign-in. */
  device_info: unknown;
  ip_address: string | null;
  user_agent: string | null;
  login_method: string | null;
  last_activity: string | null;
  created_at: string;
  expires_at: string | null;
  current?: boolean;
}

/** The paging members every list endpoint answers with. */
export interface Paged {
  total: number;
  page: number;
  per_page: number;
  total_pages?: number;
}
