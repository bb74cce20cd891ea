import { applyObservatoryDelta, createObservatoryBuilder, type Observatory } from '@mutualis/core';
import { createRepositories, type DecpContractsState, type MutualisDb, type Repositories } from '@mutualis/db';
import { type TerritoryVersions, territoryVersionsOf } from '../cache/territory-versions';

/** The observatory as last brought up to date, and the stored DECP contracts it reflects. */
export interface ObservatorySnapshot {
  observatory: Observatory;
  state: DecpContractsState;
  /** When it was last brought up to date (ISO timestamp). */
  updatedAt: string;
  /**
   * The latest write was recent when read: an import may still have been writing rows with that
   * same timestamp, so the next delta re-reads the buyers written at it too.
   */
  isWatermarkInclusive: boolean;
}

/** An import writes all its rows with the timestamp of its start; one still running after this long is not expected. */
const IMPORT_WINDOW_MS = 10 * 60_000;

export interface ObservatoryServiceOptions {
  versions: TerritoryVersions;
  clock?: () => number;
  /** Writes the server cannot see (another process on PostgreSQL) show after this long. */
  maxAgeMs?: number;
  pageSize?: number;
}

/**
 * Keeps the open-data observatory of a database up to date. After a write (territory versions
 * moved) or `maxAgeMs`, the next request checks the stored DECP contracts (count, latest write):
 * unchanged, the snapshot stays; grown by exactly the contracts created since, only the buyers
 * whose contracts or record were written since are re-read and applied as a delta (timestamps
 * only grow, so nothing else can have changed) — a buyer whose only change is new contracts in
 * the CPV divisions of those contracts alone; otherwise (a deletion) everything is rebuilt.
 * Concurrent requests share one refresh.
 */
export class ObservatoryService {
  readonly #versions: TerritoryVersions;
  readonly #clock: () => number;
  readonly #maxAgeMs: number;
  readonly #pageSize: number;
  #snapshot: ObservatorySnapshot | undefined;
  #checkedChanges = -1;
  #checkedAt = 0;
  #refreshing: Promise<ObservatorySnapshot> | undefined;

  constructor({ versions, clock = Date.now, maxAgeMs = 60_000, pageSize = 50_000 }: ObservatoryServiceOptions) {
    this.#versions = versions;
    this.#clock = clock;
    this.#maxAgeMs = maxAgeMs;
    this.#pageSize = pageSize;
  }

  /** The current snapshot, brought up to date first when something may have changed. */
  current(repos: Repositories): Promise<ObservatorySnapshot> {
    const snapshot = this.#snapshot;
    if (snapshot !== undefined && this.#checkedChanges === this.#versions.changes && this.#clock() - this.#checkedAt < this.#maxAgeMs)
      return Promise.resolve(snapshot);
    this.#refreshing ??= this.#refresh(repos).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refresh(repos: Repositories): Promise<ObservatorySnapshot> {
    const changes = this.#versions.changes;
    const checkedAt = this.#clock();
    const state = await repos.observatory.decpContractsState();
    const previous = this.#snapshot;
    let next: ObservatorySnapshot;
    if (previous !== undefined && state.count === previous.state.count && state.lastUpdatedAt === previous.state.lastUpdatedAt)
      next = previous;
    else if (previous === undefined || previous.state.lastUpdatedAt === null) next = await this.#build(repos, state, checkedAt);
    else next = (await this.#applyDelta(repos, previous, state)) ?? (await this.#build(repos, state, checkedAt));
    this.#snapshot = next;
    this.#checkedChanges = changes;
    this.#checkedAt = checkedAt;
    return next;
  }

  async #build(repos: Repositories, state: DecpContractsState, now: number): Promise<ObservatorySnapshot> {
    const builder = createObservatoryBuilder();
    for await (const page of repos.observatory.listDecpContractsByBuyer(this.#pageSize)) builder.add(page);
    return {
      observatory: builder.finish(),
      state,
      updatedAt: new Date(now).toISOString(),
      isWatermarkInclusive: this.#isRecent(state, now),
    };
  }

  /** The snapshot with the buyers written since applied, or undefined when contracts were deleted (then only a rebuild is right). */
  async #applyDelta(
    repos: Repositories,
    previous: ObservatorySnapshot,
    state: DecpContractsState,
  ): Promise<ObservatorySnapshot | undefined> {
    const since = previous.state.lastUpdatedAt ?? '';
    const { created, organizationIds, buyerDivisions } = await repos.observatory.decpChangesSince(since, previous.isWatermarkInclusive);
    if (state.count !== previous.state.count + created) return undefined;
    const changed = [
      ...(await repos.observatory.listDecpContractsOfBuyers(organizationIds)),
      ...(await repos.observatory.listDecpContractsOfBuyerDivisions(buyerDivisions)),
    ];
    const now = this.#clock();
    return {
      observatory: applyObservatoryDelta(previous.observatory, changed),
      state,
      updatedAt: new Date(now).toISOString(),
      isWatermarkInclusive: this.#isRecent(state, now),
    };
  }

  #isRecent(state: DecpContractsState, now: number): boolean {
    return state.lastUpdatedAt !== null && now - Date.parse(state.lastUpdatedAt) < IMPORT_WINDOW_MS;
  }
}

const services = new WeakMap<MutualisDb, ObservatoryService>();

/** The one observatory of a database handle (shared by every route of an app). */
export function observatoryOf(database: MutualisDb): ObservatoryService {
  let service = services.get(database);
  if (!service) {
    service = new ObservatoryService({ versions: territoryVersionsOf(database) });
    services.set(database, service);
  }
  return service;
}

/**
 * Builds the observatory of a database ahead of its first visitor (a server just started: the
 * national DECP takes seconds to read); resolves once built, never rejects (`onError` hears why).
 */
export async function warmUpObservatory(database: MutualisDb, onError: (error: unknown) => void): Promise<void> {
  try {
    await observatoryOf(database).current(createRepositories(database));
  } catch (error) {
    onError(error);
  }
}
