/** 5 failed logins within 15 minutes for one e-mail from one IP lock further attempts. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * In-memory sliding-window counter of failed logins per (e-mail, IP). One process holds it: the
 * server's, or the primary's of `serve --workers N` (its workers ask it, see
 * `ClusterLoginLimiter`), so memory is enough; a restart forgets the counters, which only helps
 * the legitimate user.
 */
export class LoginRateLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  check(email: string, ip: string): LoginGate {
    const recent = this.#recent(keyOf(email, ip));
    if (recent.length < LOGIN_MAX_FAILURES) return { allowed: true };
    const oldest = recent[0] ?? this.#now();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - this.#now()) / 1000)) };
  }

  recordFailure(email: string, ip: string): void {
    const key = keyOf(email, ip);
    this.#failures.set(key, [...this.#recent(key), this.#now()]);
  }

  reset(email: string, ip: string): void {
    this.#failures.delete(keyOf(email, ip));
  }

  #recent(key: string): number[] {
    const since = this.#now() - LOGIN_WINDOW_MS;
    const recent = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (recent.length === 0) this.#failures.delete(key);
    return recent;
  }
}

function keyOf(email: string, ip: string): string {
  return `${email.toLowerCase()}\u0000${ip}`;
}
