import { DomainError } from '@mutualis/core';
import { createRepositories, type MutualisDb, type UserRecord, withTransaction } from '@mutualis/db';
import type { ServerContext } from '../app/server-context';
import { hashPassword } from '../auth/password';
import { hashLinkToken, issueLink, linkUrl } from './one-time-links';
import { checkNewPassword, deadLinkError } from './set-password';

/**
 * On an instance without administrator, a fresh one-time link to create the first one (earlier such
 * links end); null once an administrator exists. `mutualis serve` prints it at start.
 */
export async function prepareFirstAdministratorLink(options: {
  database: MutualisDb;
  sessionSecret: string | null;
  baseUrl: string;
  now?: Date;
}): Promise<{ url: string; expiresAt: string } | null> {
  const repos = createRepositories(options.database);
  if ((await repos.users.countAdmins()) > 0) return null;
  const link = await withTransaction(options.database, (trx) =>
    issueLink({
      repos: trx,
      secret: options.sessionSecret,
      purpose: 'setup',
      userId: null,
      createdBy: null,
      now: options.now ?? new Date(),
    }),
  );
  return { url: linkUrl(options.baseUrl, link), expiresAt: link.expiresAt };
}

/** Creates the first administrator from the set-up link; refused once one exists or when the link is dead. */
export async function createFirstAdministrator(
  ctx: ServerContext,
  input: { token: string; email: string; name: string; password: string },
): Promise<UserRecord> {
  checkNewPassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx.database, async (repos) => {
    const link = await repos.authTokens.consume(hashLinkToken(input.token, ctx.config.sessionSecret), ctx.now().toISOString());
    if (link?.purpose !== 'setup') throw deadLinkError();
    if ((await repos.users.countAdmins()) > 0) {
      throw new DomainError('conflict', 'L’instance a déjà un administrateur : connectez-vous.');
    }
    if (await repos.users.getByEmail(input.email)) {
      throw new DomainError('conflict', 'Un compte existe déjà avec cette adresse.', {
        issues: [{ field: 'email', reason: 'Adresse déjà utilisée : choisissez-en une autre.' }],
      });
    }
    return repos.users.insert({ email: input.email, name: input.name, passwordHash, isAdmin: true });
  });
}
