import type { MutualisDb } from '@mutualis/db';

/**
 * A version per territory, bumped after every successful write to it through the API (see
 * `installAnalysisInvalidation`), and an epoch bumped after writes whose territories are unknown
 * (imports). Caches of territory reads key their entries by this version: a value computed at an
 * older version is never returned.
 */
export class TerritoryVersions {
  readonly #versions = new Map<string, number>();
  #epoch = 0;
  #changes = 0;

  /** Bumped by every invalidation, of any territory: a value read while it did not move is current. */
  get changes(): number {
    return this.#changes;
  }

  /** The current version of a territory's data; read it before loading, store it with the value. */
  version(territoryId: string): string {
    return `${this.#epoch}.${this.#versions.get(territoryId) ?? 0}`;
  }

  invalidate(territoryId: string): void {
    this.#changes += 1;
    this.#versions.set(territoryId, (this.#versions.get(territoryId) ?? 0) + 1);
  }

  /** After a write whose territories are unknown: every version changes. */
  invalidateAll(): void {
    this.#changes += 1;
    this.#epoch += 1;
  }
}

const versionsByDatabase = new WeakMap<MutualisDb, TerritoryVersions>();

/** The one set of territory versions of a database handle, shared by every cache of an app. */
export function territoryVersionsOf(database: MutualisDb): TerritoryVersions {
  let versions = versionsByDatabase.get(database);
  if (!versions) {
    versions = new TerritoryVersions();
    versionsByDatabase.set(database, versions);
  }
  return versions;
}
