// TOTP codes for browser tests, from the secret the set-up screen shows.
import { generateSync } from 'otplib';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A current code that differs from every code in `used` (servers refuse a code twice), waiting for the next
 * 30-second step when needed. Adds the code to `used`.
 */
export async function freshTotp(secret: string, used: Set<string>): Promise<string> {
  for (;;) {
    // Leave at least 3 s of the step so the code is still valid when it arrives.
    const left = 30_000 - (Date.now() % 30_000);
    if (left < 3_000) {
      await sleep(left + 200);
      continue;
    }
    const code = generateSync({ secret });
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
    await sleep(left + 200);
  }
}
