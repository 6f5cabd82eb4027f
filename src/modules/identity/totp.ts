// TOTP (RFC 6238, 6 digits, 30 s, SHA-1: what authenticator apps expect) with otplib v13, the otpauth URL
// and its QR code as SVG. A code is accepted in the current step or one step either side (clock drift), and
// only once: callers keep the step of the last accepted code and pass it back as `lastStep`.
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

export const totpIssuer = 'Caucus';
const driftSeconds = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUrl(secret: string, account: string): string {
  return generateURI({ issuer: totpIssuer, label: account, secret });
}

export function totpQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export function isTotpFormat(code: string): boolean {
  return /^[0-9]{6}$/.test(code);
}

/** The time step of the accepted code, or null when the code is wrong, stale or already used. */
export async function checkTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  if (!isTotpFormat(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: driftSeconds,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
