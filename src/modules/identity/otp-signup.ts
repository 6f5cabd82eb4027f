// CiviLens sign-up by phone: the first verified code for a number creates a citizen account with the phone
// verified and account_created_via 'otp'; a name given then makes the profile "basic".
import { sql } from 'drizzle-orm';
import { one, type Db } from '../../db/client.ts';
import { type AuditContext, audit } from './audit.ts';
import { lockUserForSignIn, type SignInUser } from './sign-in.queries.ts';

export async function createOtpCitizen(
  tx: Db,
  context: AuditContext,
  phone: string,
  fullName: string | null,
): Promise<SignInUser> {
  const created = await one<{ id: number }>(
    tx,
    sql`INSERT INTO identity.users (phone, phone_verified, full_name, role, account_created_via, profile_completion)
        VALUES (${phone}, true, ${fullName}, 'citizen', 'otp', ${fullName ? 'basic' : 'minimal'})
        RETURNING id`,
  );
  const id = created!.id;
  const who = { userId: id, userRole: 'citizen' };
  await audit(tx, context, {
    ...who,
    action: 'user_created',
    description: 'Citizen account created by phone code',
    resourceType: 'user',
    resourceId: id,
    extra: { account_created_via: 'otp' },
  });
  await audit(tx, context, { ...who, action: 'phone_verified', resourceType: 'user', resourceId: id });
  return (await lockUserForSignIn(tx, id))!;
}
