import type { LinkDelivery } from '@mutualis/contract';
import { canManageAccount, DomainError } from '@mutualis/core';
import { withTransaction } from '@mutualis/db';
import type { ServerContext } from '../app/server-context';
import type { Actor } from '../authz/actor';
import { invitationMessage, passwordResetMessage } from '../mail';
import { accountOf } from './invite-account';
import { deliverLink, issueLink, linkUrl } from './one-time-links';
import { holderOfAccount, holderOfActor } from './present-account';

/**
 * A new one-time link for an account the caller manages: an invitation link while the account has
 * no password, a password-reset link afterwards. Refused (403) for an account that also holds
 * roles the caller does not control.
 */
export async function sendAccountLink(ctx: ServerContext, actor: Actor, userId: string, baseUrl: string): Promise<LinkDelivery> {
  const account = await accountOf(ctx, userId);
  if (!canManageAccount(holderOfActor(actor), holderOfAccount(account))) {
    throw new DomainError(
      'forbidden',
      'Ce compte a aussi des accès que vous ne gérez pas : son titulaire peut réinitialiser son mot de passe depuis la page de connexion, ou demander un lien à l’administrateur.',
    );
  }
  const purpose = account.hasPassword ? 'password_reset' : 'invitation';
  const link = await withTransaction(ctx.database, (repos) =>
    issueLink({ repos, secret: ctx.config.sessionSecret, purpose, userId, createdBy: actor.userId, now: ctx.now() }),
  );
  const url = linkUrl(baseUrl, link);
  const message =
    purpose === 'invitation'
      ? invitationMessage({
          to: account.email,
          name: account.name,
          invitedBy: actor.name,
          what: 'pour activer votre compte',
          url,
          expiresAt: link.expiresAt,
        })
      : passwordResetMessage({ to: account.email, name: account.name, url, expiresAt: link.expiresAt });
  return deliverLink(ctx, link, url, message);
}
