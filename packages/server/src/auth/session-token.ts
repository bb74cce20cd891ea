import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A fresh session token for the cookie: 32 random bytes, base64url. */
export function createSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The stored session id: SHA-256 of the token (HMAC-SHA-256 keyed by SESSION_SECRET when set),
 * so a copy of the sessions table cannot be replayed as cookies.
 */
export function hashSessionToken(token: string, secret: string | null): string {
  return secret === null ? createHash('sha256').update(token).digest('hex') : createHmac('sha256', secret).update(token).digest('hex');
}
