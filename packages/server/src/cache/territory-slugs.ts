import type { MutualisDb } from '@mutualis/db';
import { type TerritoryVersions, territoryVersionsOf } from './territory-versions';

/** Slugs remembered at most; a territory is one row, so this is a few hundred KB at most. */
const MAX_ENTRIES = 1_000;
/**
 * For writes no process tells this one about: on PostgreSQL a CLI command (`demo --reset` gives
 * the demo slugs new ids) shows within this bound, like the list pages. On SQLite every commit by
 * another process is seen on the next request (cross-process invalidation).
 */
const MAX_AGE_MS = 2_000;

interface Entry {
  id: string;
  /** The territory's version when its row was read. */
  version: string;
  storedAt: number;
}

/**
 * Territory ids by slug, for the scope resolvers that every territory route runs (the slug was
 * read from the database once per request). An entry holds while its territory's version is the
 * one it was read at: a write to the territory through the API (a rename, a deletion), a write
 * with no territory scope (an import) and a commit by another process (cross-process
 * invalidation) all change it. Unknown slugs are not remembered: a territory created since is
 * found at once.
 */
export class TerritorySlugs {
  readonly #versions: TerritoryVersions;
  readonly #entries = new Map<string, Entry>();
  readonly #clock: () => number;
  #maxAgeMs = MAX_AGE_MS;

  constructor(versions: TerritoryVersions, clock: () => number = Date.now) {
    this.#versions = versions;
    this.#clock = clock;
  }

  /** Drops the age limit once every other writer of the database is reported (SQLite, cross-process invalidation). */
  keepUntilInvalidated(): void {
    this.#maxAgeMs = Number.POSITIVE_INFINITY;
  }

  async idOf(slug: string, load: (slug: string) => Promise<{ id: string } | undefined>): Promise<string | null> {
    const entry = this.#entries.get(slug);
    if (entry && entry.version === this.#versions.version(entry.id) && this.#clock() - entry.storedAt <= this.#maxAgeMs) return entry.id;
    if (entry) this.#entries.delete(slug);
    // The row may be read before a write and come back after its invalidation: remember it only
    // when no territory was invalidated meanwhile.
    const changesBefore = this.#versions.changes;
    const territory = await load(slug);
    if (!territory) return null;
    if (this.#versions.changes === changesBefore)
      this.#remember(slug, { id: territory.id, version: this.#versions.version(territory.id), storedAt: this.#clock() });
    return territory.id;
  }

  #remember(slug: string, entry: Entry): void {
    this.#entries.set(slug, entry);
    if (this.#entries.size > MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}

const byDatabase = new WeakMap<MutualisDb, TerritorySlugs>();

/** The one slug → id cache of a database handle, versioned with the other territory caches. */
export function territorySlugsOf(database: MutualisDb): TerritorySlugs {
  let ids = byDatabase.get(database);
  if (!ids) {
    ids = new TerritorySlugs(territoryVersionsOf(database));
    byDatabase.set(database, ids);
  }
  return ids;
}
