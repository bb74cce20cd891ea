/** 5 failed logins within 15 minutes for one e-mail from one IP lock further attempts. */
export const LOGIN_MAX_FAILURES = 5;
/**
 * 30 failed logins within 15 minutes from one IP, whatever the e-mails, lock that IP: one address
 * trying many accounts (password spraying) is stopped too. High enough for the offices of a town
 * hall behind one address mistyping now and then.
 */
export const LOGIN_MAX_FAILURES_PER_IP = 30;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Past this many counters, expired ones are dropped: a flood of e-mails and addresses cannot grow memory for ever. */
const SWEEP_ABOVE_KEYS = 10_000;

export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * In-memory sliding-window counters of failed logins, per (e-mail, IP) and per IP. One process
 * holds them: the server's, or the primary's of `serve --workers N` (its workers ask it, see
 * `ClusterLoginLimiter`), so memory is enough; a restart forgets the counters, which only helps
 * the legitimate user. A successful login clears its (e-mail, IP) counter, not the IP's: one valid
 * account must not let an address go on trying others.
 */
export class LoginRateLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  check(email: string, ip: string): LoginGate {
    const waits = [this.#wait(pairKey(email, ip), LOGIN_MAX_FAILURES), this.#wait(ipKey(ip), LOGIN_MAX_FAILURES_PER_IP)].filter(
      (w) => w !== null,
    );
    return waits.length === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(...waits) };
  }

  recordFailure(email: string, ip: string): void {
    this.#record(pairKey(email, ip), LOGIN_MAX_FAILURES);
    this.#record(ipKey(ip), LOGIN_MAX_FAILURES_PER_IP);
    if (this.#failures.size > SWEEP_ABOVE_KEYS) for (const key of [...this.#failures.keys()]) this.#recent(key);
  }

  reset(email: string, ip: string): void {
    this.#failures.delete(pairKey(email, ip));
  }

  /** Seconds until the oldest counted failure leaves the window, when `max` are counted; else null. */
  #wait(key: string, max: number): number | null {
    const recent = this.#recent(key);
    if (recent.length < max) return null;
    const oldest = recent[recent.length - max] ?? this.#now();
    return Math.max(1, Math.ceil((oldest + LOGIN_WINDOW_MS - this.#now()) / 1000));
  }

  /** Keeps the last `max` failures only: older ones cannot change a decision. */
  #record(key: string, max: number): void {
    this.#failures.set(key, [...this.#recent(key), this.#now()].slice(-max));
  }

  #recent(key: string): number[] {
    const since = this.#now() - LOGIN_WINDOW_MS;
    const recent = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (recent.length === 0) this.#failures.delete(key);
    return recent;
  }
}

function pairKey(email: string, ip: string): string {
  return `${email.toLowerCase()}\u0000${ip}`;
}

function ipKey(ip: string): string {
  return `\u0000${ip}`;
}
