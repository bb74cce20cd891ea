import type { PasswordResetAnswer } from '@mutualis/contract';
import { withTransaction } from '@mutualis/db';
import type { ServerContext } from '../app/server-context';
import { invitationMessage, passwordResetMessage } from '../mail';
import { issueLink, linkUrl } from './one-time-links';

/** At most one reset e-mail per account in this many minutes (a form filled in a loop sends one). */
export const RESET_EMAIL_INTERVAL_MINUTES = 5;

const SENT =
  'Si un compte existe pour cette adresse, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe (valable une heure).';
const NO_EMAIL =
  'Cette instance de Mutualis n’envoie pas d’e-mails : demandez un lien de réinitialisation à l’animateur de votre territoire ou à votre collègue qui gère les comptes de votre organisation.';

/**
 * "Forgotten password": e-mails a reset link (an invitation link to an account never activated).
 * The answer is the same whether the account exists or not, and is given before the e-mail leaves,
 * so neither its words nor its timing tell which addresses have an account.
 */
export async function requestPasswordReset(ctx: ServerContext, email: string, baseUrl: string): Promise<PasswordResetAnswer> {
  const mailer = ctx.mailer;
  if (mailer === null) return { emailConfigured: false, message: NO_EMAIL };
  const user = await ctx.repos.users.getByEmail(email);
  if (!user) return { emailConfigured: true, message: SENT };
  const now = ctx.now();
  const purpose = user.passwordHash === '' ? 'invitation' : 'password_reset';
  const latest = await ctx.repos.authTokens.latestForUser(user.id, purpose);
  if (latest && now.getTime() - Date.parse(latest.createdAt) < RESET_EMAIL_INTERVAL_MINUTES * 60_000) {
    return { emailConfigured: true, message: SENT };
  }
  const link = await withTransaction(ctx.database, (repos) =>
    issueLink({ repos, secret: ctx.config.sessionSecret, purpose, userId: user.id, createdBy: null, now }),
  );
  const url = linkUrl(baseUrl, link);
  const message =
    purpose === 'invitation'
      ? invitationMessage({
          to: user.email,
          name: user.name,
          invitedBy: 'Mutualis',
          what: 'pour activer votre compte',
          url,
          expiresAt: link.expiresAt,
        })
      : passwordResetMessage({ to: user.email, name: user.name, url, expiresAt: link.expiresAt });
  // Not awaited: the answer must not wait on the relay (its delay would tell that the account exists).
  mailer.send(message).catch(() => {});
  return { emailConfigured: true, message: SENT };
}
