// What a sign-in or a refresh hands back: a short-lived access token naming the session, and a refresh token.
import type { Config } from '../../config.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Secrets } from './secrets.ts';
import { signAccessToken } from './tokens.ts';

/** The parts of AppDeps the sign-in services use. */
export interface AuthDeps {
  config: Pick<Config, 'accessTokenTtl' | 'refreshTokenTtl' | 'lockoutThreshold' | 'lockoutMinutes' | 'publicUrl'>;
  secrets: Secrets;
  mail: Mailer;
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: 'bearer';
  expires_in: number;
}

export async function accessTokenFor(
  deps: AuthDeps,
  user: { id: number; role: string },
  session: { id: number; jti: string },
  refreshToken: string,
): Promise<Tokens> {
  const ttl = deps.config.accessTokenTtl;
  const accessToken = await signAccessToken(
    deps.secrets,
    { userId: user.id, sessionId: session.id, jti: session.jti, role: user.role },
    ttl,
  );
  return { access_token: accessToken, refresh_token: refreshToken, token_type: 'bearer', expires_in: ttl };
}

export function lockoutPolicy(deps: AuthDeps) {
  return { threshold: deps.config.lockoutThreshold, minutes: deps.config.lockoutMinutes };
}
