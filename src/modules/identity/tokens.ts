// Short-lived JWT access tokens (HS256). A token names its session; revoking the session revokes the token.
import { jwtVerify, SignJWT } from 'jose';
import type { Secrets } from './secrets.ts';

export interface AccessClaims {
  sub: string;
  sid: number;
  jti: string;
  role: string;
}

export async function signAccessToken(
  secrets: Secrets,
  claims: { userId: number; sessionId: number; jti: string; role: string },
  ttlSeconds: number,
): Promise<string> {
  return new SignJWT({ sid: claims.sessionId, role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setJti(claims.jti)
    .setIssuer('caucus')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(secrets.jwtKey);
}

/** The claims of a valid token, or null for any token that is malformed, expired or not ours. */
export async function verifyAccessToken(secrets: Secrets, token: string): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, secrets.jwtKey, { issuer: 'caucus', algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string' || typeof payload.sid !== 'number') {
      return null;
    }
    return { sub: payload.sub, sid: payload.sid, jti: payload.jti, role: String(payload.role) };
  } catch {
    return null;
  }
}
