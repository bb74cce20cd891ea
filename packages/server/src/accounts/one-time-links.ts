import { randomBytes } from 'node:crypto';
import type { LinkDelivery } from '@mutualis/contract';
import type { AuthTokenPurpose, Repositories } from '@mutualis/db';
import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../app/server-context';
import { hashSessionToken } from '../auth/session-token';
import { publicBaseUrl } from '../config/load-config';
import type { MailMessage } from '../mail';

/** How long a link stays usable: a week to accept an invitation, an hour to reset a password, a day to set up the instance. */
export const LINK_LIFETIME_HOURS: Record<AuthTokenPurpose, number> = { invitation: 24 * 7, password_reset: 1, setup: 24 };

/** Page of the web app each kind of link opens; the token travels in the fragment, which no server or proxy logs. */
const LINK_PAGES: Record<AuthTokenPurpose, string> = {
  invitation: '/mot-de-passe',
  password_reset: '/mot-de-passe',
  setup: '/installation',
};

export interface IssuedLink {
  purpose: AuthTokenPurpose;
  /** The secret part of the link: shown once, stored only as its hash. */
  token: string;
  expiresAt: string;
}

/** The stored form of a link's token: SHA-256 (HMAC with SESSION_SECRET when set), like session ids. */
export function hashLinkToken(token: string, secret: string | null): string {
  return hashSessionToken(token, secret);
}

/**
 * Issues a one-time link for `userId` (null for the first administrator's set-up link), ending the
 * user's earlier unused links first: only the latest link works.
 */
export async function issueLink(options: {
  repos: Repositories;
  secret: string | null;
  purpose: AuthTokenPurpose;
  userId: string | null;
  createdBy: string | null;
  now: Date;
}): Promise<IssuedLink> {
  const { repos, purpose, userId, now } = options;
  const nowIso = now.toISOString();
  if (userId === null) await repos.authTokens.revokeSetupLinks(nowIso);
  else await repos.authTokens.revokeForUser(userId, ['invitation', 'password_reset'], nowIso);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_HOURS[purpose] * 3_600_000).toISOString();
  await repos.authTokens.insert({
    tokenHash: hashLinkToken(token, options.secret),
    purpose,
    userId,
    createdBy: options.createdBy,
    createdAt: nowIso,
    expiresAt,
  });
  return { purpose, token, expiresAt };
}

/**
 * The address users follow: PUBLIC_URL, else http://localhost:<PORT> (`publicBaseUrl`). Never the
 * request's Host header: a client chooses it, and a password reset asked with a forged Host would
 * e-mail the victim a link that hands its token to the forger's site. The request is not read (the
 * parameter stays for the callers).
 */
export function baseUrlOf(ctx: ServerContext, _request: FastifyRequest): string {
  return publicBaseUrl(ctx.config);
}

export function linkUrl(baseUrl: string, link: Pick<IssuedLink, 'purpose' | 'token'>): string {
  return `${baseUrl}${LINK_PAGES[link.purpose]}#jeton=${link.token}`;
}

/**
 * Sends the link by e-mail when the instance can; the link itself is then never shown to the
 * caller (who could otherwise use it). Without e-mail, or when sending failed, the caller gets the
 * link to pass on by hand.
 */
export async function deliverLink(ctx: ServerContext, link: IssuedLink, url: string, message: MailMessage): Promise<LinkDelivery> {
  const base = { purpose: link.purpose, expiresAt: link.expiresAt };
  if (ctx.mailer === null) return { ...base, emailed: false, url, emailError: null };
  try {
    await ctx.mailer.send(message);
    return { ...base, emailed: true, url: null, emailError: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...base, emailed: false, url, emailError: `L’e-mail n’a pas pu partir (${reason}) : transmettez ce lien vous-même.` };
  }
}
