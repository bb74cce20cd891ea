import type { MutualisDb } from '@mutualis/db';
import type { TerritoryAnalysis } from './analyse-territory-use-case';

export interface AnalysisCacheOptions {
  maxEntries?: number;
  /** Safety net for writes the server cannot see (a CLI import into the same database). */
  maxAgeMs?: number;
  clock?: () => number;
}

interface Entry<T> {
  version: string;
  storedAt: number;
  value: T;
}

/**
 * In-memory cache of analyses per (territory, options). Each territory has a version counter,
 * bumped on every successful write to it through the API (see `installAnalysisInvalidation`);
 * an entry computed at an older version is never returned. Entries also expire after `maxAgeMs`
 * and the oldest are evicted beyond `maxEntries`.
 */
export class AnalysisCache<T = unknown> {
  readonly #versions = new Map<string, number>();
  #epoch = 0;
  readonly #entries = new Map<string, Entry<T>>();
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;
  readonly #clock: () => number;

  constructor({ maxEntries = 32, maxAgeMs = 60_000, clock = Date.now }: AnalysisCacheOptions = {}) {
    this.#maxEntries = maxEntries;
    this.#maxAgeMs = maxAgeMs;
    this.#clock = clock;
  }

  /** The current version of a territory's data; read it before loading, pass it to `set`. */
  version(territoryId: string): string {
    return `${this.#epoch}.${this.#versions.get(territoryId) ?? 0}`;
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
    const key = `${territoryId}|${optionsKey}`;
    this.#entries.delete(key);
    this.#entries.set(key, { version, storedAt: this.#clock(), value });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  invalidate(territoryId: string): void {
    this.#versions.set(territoryId, (this.#versions.get(territoryId) ?? 0) + 1);
  }

  /** After a write whose territories are unknown: every version changes. */
  invalidateAll(): void {
    this.#epoch += 1;
    this.#entries.clear();
  }
}

const caches = new WeakMap<MutualisDb, AnalysisCache<TerritoryAnalysis>>();

/** The one analysis cache of a database handle (shared by every route of an app). */
export function analysisCacheOf(database: MutualisDb): AnalysisCache<TerritoryAnalysis> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new AnalysisCache<TerritoryAnalysis>();
    caches.set(database, cache);
  }
  return cache;
}
