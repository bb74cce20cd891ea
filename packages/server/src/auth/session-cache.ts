import type { Actor } from '../authz/actor';

export interface SessionCacheOptions {
  /** Safety net for changes the server cannot see (a CLI command on the same PostgreSQL database; see `keepUntilCleared`). */
  maxAgeMs?: number;
  maxEntries?: number;
  clock?: () => number;
}

interface Entry {
  actor: Actor;
  /** ISO instant the session expires at (compared as text, like the sessions table does). */
  expiresAt: string;
  storedAt: number;
}

/**
 * The callers of recent sessions, so that a request does not read the session, the user and the
 * roles again. `clear()` runs after every non-GET API request (logout, role or user changes are
 * all writes), and an entry read before a clear is never stored (epoch). A hit still checks the
 * session's expiry against the request's clock.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  #maxAgeMs: number;
  readonly #maxEntries: number;
  readonly #clock: () => number;
  #epoch = 0;

  constructor({ maxAgeMs = 5_000, maxEntries = 10_000, clock = Date.now }: SessionCacheOptions = {}) {
    this.#maxAgeMs = maxAgeMs;
    this.#maxEntries = maxEntries;
    this.#clock = clock;
  }

  /** Drops the age limit once every other writer of the database is reported (SQLite, cross-process invalidation). */
  keepUntilCleared(): void {
    this.#maxAgeMs = Number.POSITIVE_INFINITY;
  }

  /** Read before loading a session from the database; pass it to `set`. */
  get epoch(): number {
    return this.#epoch;
  }

  get(sessionId: string, nowIso: string): Actor | undefined {
    const entry = this.#entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.expiresAt <= nowIso || this.#clock() - entry.storedAt > this.#maxAgeMs) {
      this.#entries.delete(sessionId);
      return undefined;
    }
    return entry.actor;
  }

  /** Stores a caller loaded at `epoch`; ignored when a clear happened since. */
  set(sessionId: string, epoch: number, actor: Actor, expiresAt: string): void {
    if (epoch !== this.#epoch) return;
    this.#entries.delete(sessionId);
    this.#entries.set(sessionId, { actor, expiresAt, storedAt: this.#clock() });
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  clear(): void {
    this.#epoch += 1;
    this.#entries.clear();
  }
}
