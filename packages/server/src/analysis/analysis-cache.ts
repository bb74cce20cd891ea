import type { MutualisDb } from '@mutualis/db';
import { TerritoryVersions, territoryVersionsOf } from '../cache/territory-versions';
import type { TerritoryAnalysis } from './analyse-territory-use-case';

export interface AnalysisCacheOptions {
  maxEntries?: number;
  /** Safety net for writes the server cannot see (a CLI import into the same PostgreSQL database; see `keepUntilInvalidated`). */
  maxAgeMs?: number;
  clock?: () => number;
  /** Territory versions shared with other caches of the same database (a private set by default). */
  versions?: TerritoryVersions;
}

interface Entry<T> {
  version: string;
  storedAt: number;
  value: T;
}

/**
 * In-memory cache of values computed from a territory's data, per (territory, options key): the
 * analyses, and serialised list pages (`responseCacheOf`). Each territory has a version
 * (`TerritoryVersions`), bumped on every successful write to it through the API (see
 * `installAnalysisInvalidation`); an entry computed at an older version is never returned.
 * Entries also expire after `maxAgeMs` and the oldest are evicted beyond `maxEntries`.
 */
export class AnalysisCache<T = unknown> {
  readonly #versions: TerritoryVersions;
  readonly #entries = new Map<string, Entry<T>>();
  /** Computations in flight, per (territory, options, version): concurrent misses share one. */
  readonly #pending = new Map<string, Promise<T>>();
  readonly #maxEntries: number;
  #maxAgeMs: number;
  readonly #clock: () => number;

  constructor({ maxEntries = 32, maxAgeMs = 60_000, clock = Date.now, versions = new TerritoryVersions() }: AnalysisCacheOptions = {}) {
    this.#versions = versions;
    this.#maxEntries = maxEntries;
    this.#maxAgeMs = maxAgeMs;
    this.#clock = clock;
  }

  /** The current version of a territory's data; read it before loading, pass it to `set`. */
  version(territoryId: string): string {
    return this.#versions.version(territoryId);
  }

  /**
   * Drops the age limit: for a database whose other writers are all reported (SQLite, see
   * `installCrossProcessInvalidation`), versions alone are exact, and expiring entries only made
   * every reader wait for a recomputation now and then.
   */
  keepUntilInvalidated(): void {
    this.#maxAgeMs = Number.POSITIVE_INFINITY;
  }

  get(territoryId: string, optionsKey: string): T | undefined {
    const key = `${territoryId}|${optionsKey}`;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== this.version(territoryId) || this.#clock() - entry.storedAt > this.#maxAgeMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores a value computed from data read at `version` (a write since then makes it stale at once). */
  set(territoryId: string, optionsKey: string, version: string, value: T): void {
    // Computed before a write: useless, and it must not replace a fresher entry.
    if (version !== this.version(territoryId)) return;
    const key = `${territoryId}|${optionsKey}`;
    this.#entries.delete(key);
    this.#entries.set(key, { version, storedAt: this.#clock(), value });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  /**
   * The cached value; else the computation another caller started at the current version; else
   * `compute()`, stored once done. Without the sharing, every request arriving while a value is
   * being (re)computed would compute it again, which is how a burst of readers stalls a server.
   */
  getOrCompute(territoryId: string, optionsKey: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.get(territoryId, optionsKey);
    if (hit !== undefined) return Promise.resolve(hit);
    const version = this.version(territoryId);
    const pendingKey = `${territoryId}|${optionsKey}|${version}`;
    const pending = this.#pending.get(pendingKey);
    if (pending) return pending;
    const computation = compute()
      .then((value) => {
        this.set(territoryId, optionsKey, version, value);
        return value;
      })
      .finally(() => this.#pending.delete(pendingKey));
    this.#pending.set(pendingKey, computation);
    return computation;
  }

  /** Makes every cache sharing these territory versions stale for this territory. */
  invalidate(territoryId: string): void {
    this.#versions.invalidate(territoryId);
  }

  /** After a write whose territories are unknown: every version changes. */
  invalidateAll(): void {
    this.#versions.invalidateAll();
    this.#entries.clear();
  }
}

const caches = new WeakMap<MutualisDb, AnalysisCache<TerritoryAnalysis>>();

/** The one analysis cache of a database handle (shared by every route of an app). */
export function analysisCacheOf(database: MutualisDb): AnalysisCache<TerritoryAnalysis> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new AnalysisCache<TerritoryAnalysis>({ versions: territoryVersionsOf(database) });
    caches.set(database, cache);
  }
  return cache;
}
