import { assessDecpAmount, type DecpAmountFacts, DecpAmountPeerGroups } from '@mutualis/core';
import type { Kysely } from 'kysely';
import { nowIso } from '../dialect/now-iso';
import type { Database } from '../schema';
import { writeAmountCheck } from './decp-flags-column';

/** Rows read per query: the whole table is read twice, a page at a time (only the peer statistics stay in memory). */
const PAGE = 20_000;

/** What a refresh of the amount verdicts changed. */
export interface DecpAmountChecksOutcome {
  /** Contracts whose amount is now flagged anomalous (suspect or aberrant). */
  flagged: number;
  /** Contracts whose verdict changed. */
  changed: number;
  /** Buyers of the contracts whose verdict changed: their proposed needs may change. */
  organizationIds: string[];
}

/**
 * Recomputes the peer-group verdict (`assessDecpAmounts`) of every stored DECP contract and writes
 * `amount_check_json` where it changed: peer groups span all territories (the consolidation's
 * rule compares a contract with all comparable ones), so every import may move them. Two paged
 * passes: statistics, then verdicts; the writes of the second pass are one transaction.
 */
export async function refreshDecpAmountChecks(db: Kysely<Database>): Promise<DecpAmountChecksOutcome> {
  const groups = new DecpAmountPeerGroups();
  await eachPage(db, (row) => groups.add(toFacts(row)));
  const stats = groups.finish();
  const outcome: DecpAmountChecksOutcome = { flagged: 0, changed: 0, organizationIds: [] };
  const changes: { id: string; json: string | null }[] = [];
  const organizations = new Set<string>();
  await eachPage(db, (row) => {
    const flag = assessDecpAmount(stats, toFacts(row));
    if (flag !== null) outcome.flagged += 1;
    const json = writeAmountCheck(flag);
    if (json === row.amount_check_json) return;
    changes.push({ id: row.id, json });
    organizations.add(row.organization_id);
  });
  if (changes.length > 0) {
    // A new verdict is a write: readers that follow `updated_at` (the observatory's delta) re-read its buyer.
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      for (const change of changes) {
        await trx
          .updateTable('running_contracts')
          .set({ amount_check_json: change.json, updated_at: now })
          .where('id', '=', change.id)
          .execute();
      }
    });
  }
  outcome.changed = changes.length;
  outcome.organizationIds = [...organizations];
  return outcome;
}

interface AmountRow {
  id: string;
  organization_id: string;
  source: string;
  cpv_code: string;
  nature: DecpAmountFacts['nature'];
  amount_cents: number | null;
  duration_months: number;
  kind: DecpAmountFacts['buyerKind'];
  is_sentinel: number;
  amount_check_json: string | null;
}

function toFacts(row: AmountRow): DecpAmountFacts {
  return {
    id: row.id,
    cpvCode: row.cpv_code,
    nature: row.nature,
    buyerKind: row.kind,
    // bigint columns of PostgreSQL arrive as text.
    amountCents: row.amount_cents === null ? null : Number(row.amount_cents),
    durationMonths: row.duration_months,
    isSentinel: Number(row.is_sentinel) === 1,
  };
}

/**
 * Visits the DECP contracts in id order, a page at a time. The pages walk the primary key and the
 * source is checked here: with `source = 'decp'` in the query, SQLite read every DECP contract
 * through the source index and sorted them for each page, a cost that grew with the square of the
 * table (docs/benchmarks.md).
 */
async function eachPage(db: Kysely<Database>, visit: (row: AmountRow) => void): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('running_contracts')
      .innerJoin('organizations', 'organizations.id', 'running_contracts.organization_id')
      .select((eb) => [
        'running_contracts.id',
        'running_contracts.organization_id',
        'running_contracts.source',
        'running_contracts.cpv_code',
        'running_contracts.nature',
        'running_contracts.amount_cents',
        'running_contracts.duration_months',
        'organizations.kind',
        'running_contracts.amount_check_json',
        eb.case().when('running_contracts.decp_flags_json', 'like', '%"code":"amount_sentinel"%').then(1).else(0).end().as('is_sentinel'),
      ])
      .where('running_contracts.id', '>', after)
      .orderBy('running_contracts.id')
      .limit(PAGE)
      .execute();
    for (const row of rows) if (row.source === 'decp') visit(row as AmountRow);
    if (rows.length < PAGE) return;
    after = (rows[rows.length - 1] as AmountRow).id;
  }
}
