import type { InvitationResult } from '@mutualis/contract';
import { type AccountRecord, type NewUserRole, withTransaction } from '@mutualis/db';
import type { ServerContext } from '../app/server-context';
import { accessAddedMessage, invitationMessage } from '../mail';
import { deliverLink, type IssuedLink, issueLink, linkUrl } from './one-time-links';
import { presentAccount } from './present-account';

export interface InviteAccountOptions {
  ctx: ServerContext;
  email: string;
  name: string;
  roles: readonly Omit<NewUserRole, 'userId'>[];
  invitedBy: { id: string; name: string };
  /** What the roles are, for the e-mail: « comme acheteur pour la Ville de Bayonne (Pays basque) ». */
  what: string;
  baseUrl: string;
}

/**
 * Gives `roles` to the account of `email`, creating it without a password when it does not exist.
 * An account that has no password yet gets a fresh invitation link (e-mailed when possible, else
 * handed back); one that has a password is told of its new access by e-mail when possible.
 */
export async function inviteAccount(options: InviteAccountOptions): Promise<InvitationResult> {
  const { ctx, email, name } = options;
  const { user, created, added, link } = await withTransaction(ctx.database, async (repos) => {
    const existing = await repos.users.getByEmail(email);
    const user = existing ?? (await repos.users.insert({ email, name, passwordHash: '' }));
    const held = await repos.users.listRoles(user.id);
    const missing = options.roles.filter(
      (r) => !held.some((h) => h.role === r.role && h.territoryId === r.territoryId && h.organizationId === r.organizationId),
    );
    for (const role of missing) await repos.users.addRole({ ...role, userId: user.id });
    const link: IssuedLink | null =
      user.passwordHash === ''
        ? await issueLink({
            repos,
            secret: ctx.config.sessionSecret,
            purpose: 'invitation',
            userId: user.id,
            createdBy: options.invitedBy.id,
            now: ctx.now(),
          })
        : null;
    return { user, created: existing === undefined, added: missing.length, link };
  });
  const territoryIds = options.roles.map((r) => r.territoryId);
  const account = presentAccount(await accountOf(ctx, user.id), territoryIds);
  if (link) {
    const url = linkUrl(options.baseUrl, link);
    const message = invitationMessage({
      to: user.email,
      name: user.name,
      invitedBy: options.invitedBy.name,
      what: options.what,
      url,
      expiresAt: link.expiresAt,
    });
    return { account, created, link: await deliverLink(ctx, link, url, message), notified: false };
  }
  const notified = added > 0 && (await notifyAccess(ctx, options, user));
  return { account, created, link: null, notified };
}

async function notifyAccess(ctx: ServerContext, options: InviteAccountOptions, user: { email: string; name: string }): Promise<boolean> {
  if (ctx.mailer === null) return false;
  const message = accessAddedMessage({
    to: user.email,
    name: user.name,
    invitedBy: options.invitedBy.name,
    what: options.what,
    loginUrl: `${options.baseUrl}/connexion`,
  });
  return ctx.mailer.send(message).then(
    () => true,
    () => false,
  );
}

/** The account with all its roles. */
export async function accountOf(ctx: ServerContext, userId: string): Promise<AccountRecord> {
  const [account] = await ctx.repos.users.listAccounts({ userIds: [userId] });
  if (!account) throw new Error(`account ${userId} vanished`);
  return account;
}
