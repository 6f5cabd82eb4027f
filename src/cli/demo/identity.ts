// Demo staff: one user of each role of the catalogue, all with one generated password. Usernames are demo_<role>;
// Changemaker's upper-case roles get demo_cm_<role>, since usernames ignore case (SUPER_ADMIN vs super_admin).
import { sql } from 'drizzle-orm';
import { one } from '../../db/client.ts';
import { generatePassword } from '../../modules/identity/passwords.ts';
import { roles } from '../../modules/identity/role-catalogue.ts';
import { createUser } from '../../modules/identity/users.service.ts';
import { cliContext } from '../cli-context.ts';
import type { DemoSet } from './index.ts';

const title = (role: string) =>
  role
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');

export const identityDemo: DemoSet = {
  name: 'identity',
  steps: roles.length,
  async load({ database }, step) {
    const password = generatePassword();
    const created: string[] = [];
    for (const role of roles) {
      const username = role === role.toUpperCase() ? `demo_cm_${role.toLowerCase()}` : `demo_${role}`;
      const exists = await one(database.db, sql`SELECT 1 FROM identity.users WHERE username = ${username}`);
      if (!exists) {
        await createUser(database.db, cliContext, {
          username,
          email: `${username}@example.org`,
          password,
          role,
          full_name: `Demo ${title(role)}`,
          // Changemaker TEMP accounts expire.
          ...(role === 'TEMP' ? { expires_at: new Date(Date.now() + 30 * 86_400_000).toISOString() } : {}),
        });
        created.push(`${username} (${role})`);
      }
      step();
    }
    if (created.length === 0) return ['identity: the demo users already exist.'];
    return [
      `identity: ${created.length} demo user(s): ${created.join(', ')}`,
      `identity: their password (shown once): ${password}`,
    ];
  },
};
