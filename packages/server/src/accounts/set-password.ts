import type { LinkInfo } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import { type UserRecord, withTransaction } from '@mutualis/db';
import type { ServerContext } from '../app/server-context';
import { hashPassword } from '../auth/password';
import { hashLinkToken } from './one-time-links';

/** Raised for a link that is unknown, used or expired: the same answer for all three. */
export function deadLinkError(): DomainError {
  return DomainError.validation('Ce lien n’est plus valable.', [
    { field: 'token', reason: 'Ce lien a déjà servi ou a expiré : demandez-en un nouveau à la personne qui vous l’a transmis.' },
  ]);
}

/** What a usable link is for, and whose it is (shown above the password form). */
export async function describeLink(ctx: ServerContext, token: string): Promise<LinkInfo> {
  const link = await ctx.repos.authTokens.getUsable(hashLinkToken(token, ctx.config.sessionSecret), ctx.now().toISOString());
  if (!link) throw deadLinkError();
  const user = link.userId === null ? undefined : await ctx.repos.users.getById(link.userId);
  return { purpose: link.purpose, email: user?.email ?? null, name: user?.name ?? null, expiresAt: link.expiresAt };
}

/** A password may not be the e-mail address it protects. */
export function checkNewPassword(password: string, email: string): void {
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    throw DomainError.validation('Mot de passe trop facile à deviner.', [
      { field: 'password', reason: 'Le mot de passe ne peut pas être votre adresse e-mail.' },
    ]);
  }
}

/**
 * Sets the password of the link's account and uses the link up, in one transaction: the link works
 * once, the account's other links and open sessions end (a reset logs out a thief).
 */
export async function setPasswordFromLink(ctx: ServerContext, token: string, password: string): Promise<UserRecord> {
  const info = await describeLink(ctx, token);
  if (info.purpose === 'setup' || info.email === null) throw deadLinkError();
  checkNewPassword(password, info.email);
  const passwordHash = await hashPassword(password);
  const nowIso = ctx.now().toISOString();
  return withTransaction(ctx.database, async (repos) => {
    const link = await repos.authTokens.consume(hashLinkToken(token, ctx.config.sessionSecret), nowIso);
    if (!link || link.userId === null || link.purpose === 'setup') throw deadLinkError();
    await repos.users.updatePasswordHash(link.userId, passwordHash);
    await repos.sessions.deleteForUser(link.userId);
    await repos.authTokens.revokeForUser(link.userId, ['invitation', 'password_reset'], nowIso);
    const user = await repos.users.getById(link.userId);
    if (!user) throw deadLinkError();
    return user;
  });
}
