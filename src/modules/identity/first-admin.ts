// On the very first start (no users at all) create an admin with a generated password, shown once.
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { audit, systemContext } from './audit.ts';
import { generatePassword, hashPassword } from './passwords.ts';

export async function ensureFirstAdmin(db: Db): Promise<{ username: string; password: string } | null> {
  return db.transaction(async (tx) => {
    // Serialize two processes starting at once.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72736101)`);
    const any = await one(tx, sql`SELECT 1 FROM identity.users LIMIT 1`);
    if (any) return null;
    const password = generatePassword();
    const user = await one<{ id: number }>(
      tx,
      sql`INSERT INTO identity.users (username, password_hash, full_name, role, account_created_via, profile_completion)
          VALUES ('admin', ${await hashPassword(password)}, 'Administrator', 'super_admin', 'password', 'basic')
          RETURNING id`,
    );
    await tx.execute(
      sql`INSERT INTO identity.role_history (user_id, old_role, new_role, reason, automatic)
          VALUES (${user!.id}, NULL, 'super_admin', 'First administrator created at first start', true)`,
    );
    await audit(tx, systemContext, {
      action: 'user_created',
      description: 'First administrator created at first start',
      resourceType: 'user',
      resourceId: user!.id,
    });
    return { username: 'admin', password };
  });
}
