// The instance secret and what is derived from it: the JWT signing key and the key that encrypts TOTP secrets.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Secrets {
  jwtKey: Uint8Array;
  encryptionKey: Buffer;
}

function derive(master: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, 'caucus', purpose, 32));
}

export function deriveSecrets(master: string): Secrets {
  return { jwtKey: new Uint8Array(derive(master, 'jwt')), encryptionKey: derive(master, 'totp') };
}

/** CAUCUS_SECRET if set, otherwise a secret generated once into the data directory (mode 0600). */
export function loadSecrets(config: { secret?: string; dataDir: string }): Secrets {
  if (config.secret) return deriveSecrets(config.secret);
  const file = path.join(config.dataDir, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return deriveSecrets(fs.readFileSync(file, 'utf8').trim());
}

/** AES-256-GCM; the output is iv.tag.ciphertext in base64url. */
export function encrypt(secrets: Secrets, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secrets.encryptionKey, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function decrypt(secrets: Secrets, sealed: string): string {
  const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', secrets.encryptionKey, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/** Tokens, codes and keys are stored as their SHA-256: high-entropy values need no slow hash. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
