// TOTP: real codes from otplib are accepted in the current step and one step either side, once only.
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { checkTotp, isTotpFormat, newTotpSecret, totpQrSvg, totpUrl } from './totp.ts';

const now = () => Math.floor(Date.now() / 1000);

describe('totp', () => {
  it('accepts the current code and answers its time step', async () => {
    const secret = newTotpSecret();
    const base = now();
    const step = await checkTotp(secret, await generate({ secret, epoch: base }), null);
    expect(step).not.toBeNull();
    expect(Math.abs(step! - Math.floor(base / 30))).toBeLessThanOrEqual(1);
  });

  it('accepts one step of drift either side, but not three steps away', async () => {
    const secret = newTotpSecret();
    const base = now();
    expect(await checkTotp(secret, await generate({ secret, epoch: base - 30 }), null)).not.toBeNull();
    expect(await checkTotp(secret, await generate({ secret, epoch: base + 30 }), null)).not.toBeNull();
    const far = await generate({ secret, epoch: base - 120 });
    const current = await generate({ secret, epoch: base });
    if (far !== current) expect(await checkTotp(secret, far, null)).toBeNull();
  });

  it('refuses a code of a step already used (replay)', async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret, epoch: now() });
    const step = await checkTotp(secret, code, null);
    expect(step).not.toBeNull();
    expect(await checkTotp(secret, code, step)).toBeNull();
    expect(await checkTotp(secret, await generate({ secret, epoch: (step! + 1) * 30 }), step)).toBe(step! + 1);
  });

  it('refuses codes of another secret and malformed codes', async () => {
    const code = await generate({ secret: newTotpSecret(), epoch: now() });
    const other = newTotpSecret();
    const otherCode = await generate({ secret: other, epoch: now() });
    if (code !== otherCode) expect(await checkTotp(other, code, null)).toBeNull();
    for (const bad of ['', '12345', '1234567', 'abcdef', ' 123456 ']) {
      expect(isTotpFormat(bad)).toBe(false);
      expect(await checkTotp(other, bad, null)).toBeNull();
    }
  });

  it('builds an otpauth URL and an SVG QR code', async () => {
    const secret = newTotpSecret();
    const url = totpUrl(secret, 'ana@example.org');
    expect(url).toBe(`otpauth://totp/Caucus:ana%40example.org?secret=${secret}&issuer=Caucus`);
    expect(await totpQrSvg(url)).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});
