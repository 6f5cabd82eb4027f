// `caucus users create|list|set-password|unlock`: account administration from the terminal, through the
// identity services (audited like the API, without the level rule: the operator runs the instance).
import { type Command, Option } from 'commander';
import { sql } from 'drizzle-orm';
import { rows } from '../db/client.ts';
import { generatePassword } from '../modules/identity/passwords.ts';
import { isRole, roles } from '../modules/identity/role-catalogue.ts';
import { setPassword, unlockUser } from '../modules/identity/user-status.service.ts';
import { selectUserIdByUsername } from '../modules/identity/users.queries.ts';
import { createUser } from '../modules/identity/users.service.ts';
import { cliContext, operatorErrors } from './cli-context.ts';
import { withDeps } from './context.ts';
import { formatTable } from './table.ts';

const out = (text: string) => process.stdout.write(`${text}\n`);

async function userIdOf(db: Parameters<typeof selectUserIdByUsername>[0], username: string) {
  const user = await selectUserIdByUsername(db, username);
  if (!user) throw new Error(`No user with username "${username}"`);
  return user.id;
}

export function usersCommand(program: Command) {
  const users = program.command('users').description('Create, list, unlock users and set passwords');

  users
    .command('create')
    .description('Create a user')
    .requiredOption('--username <username>', 'sign-in name (3-100 characters)')
    .requiredOption('--password <password>', 'password: 12+ characters with upper, lower case and a digit')
    .addOption(new Option('--role <role>', 'role from the catalogue').choices([...roles]).makeOptionMandatory())
    .option('--email <email>', 'email address')
    .option('--phone <phone>', 'phone number in E.164 form, e.g. +15555550123')
    .action(async (options: { username: string; password: string; role: string; email?: string; phone?: string }) => {
      if (!isRole(options.role)) throw new Error(`Unknown role ${options.role}`);
      if (options.phone && !/^\+[1-9][0-9]{6,14}$/.test(options.phone)) {
        throw new Error('--phone must be in E.164 form, e.g. +15555550123');
      }
      const role = options.role;
      await withDeps(async ({ database }) => {
        const { user } = await operatorErrors(() =>
          createUser(database.db, cliContext, {
            username: options.username,
            password: options.password,
            role,
            email: options.email,
            phone: options.phone,
          }),
        );
        out(`Created user ${user.username} (id ${user.id}, role ${user.role}).`);
      });
    });

  users
    .command('list')
    .description('List users as a table')
    .addOption(new Option('--role <role>', 'only this role').choices([...roles]))
    .action(async (options: { role?: string }) => {
      await withDeps(async ({ database }) => {
        const found = await rows<Record<string, any>>(
          database.db,
          sql`SELECT id, username, email, phone, role, is_active, locked_until > now() AS locked, last_login
              FROM identity.users ${options.role ? sql`WHERE role = ${options.role}` : sql``} ORDER BY id`,
        );
        if (found.length === 0) {
          out('No users.');
          return;
        }
        out(
          formatTable(
            ['ID', 'USERNAME', 'EMAIL', 'PHONE', 'ROLE', 'ACTIVE', 'LOCKED', 'LAST LOGIN'],
            found.map((u) => [
              u.id,
              u.username,
              u.email,
              u.phone,
              u.role,
              u.is_active ? 'yes' : 'no',
              u.locked ? 'yes' : '',
              u.last_login ? new Date(String(u.last_login).replace(' ', 'T')).toISOString().slice(0, 16) : '',
            ]),
          ),
        );
        out(`${found.length} user(s).`);
      });
    });

  users
    .command('set-password')
    .description("Set a user's password (a generated one is printed when --password is not given); ends their sessions")
    .requiredOption('--username <username>', 'whose password')
    .option('--password <password>', 'the new password (12+ characters with upper, lower case and a digit)')
    .action(async (options: { username: string; password?: string }) => {
      const password = options.password ?? generatePassword();
      await withDeps(async ({ database }) => {
        const id = await userIdOf(database.db, options.username);
        await operatorErrors(() => setPassword(database.db, cliContext, id, password));
        out(
          options.password
            ? `Password set for ${options.username}.`
            : `New password for ${options.username}: ${password}\n(shown once; their sessions were ended)`,
        );
      });
    });

  users
    .command('unlock')
    .description('Unlock an account locked by failed sign-ins')
    .requiredOption('--username <username>', 'whose account')
    .action(async (options: { username: string }) => {
      await withDeps(async ({ database }) => {
        const id = await userIdOf(database.db, options.username);
        await operatorErrors(() => unlockUser(database.db, cliContext, id));
        out(`Unlocked ${options.username}.`);
      });
    });
}
