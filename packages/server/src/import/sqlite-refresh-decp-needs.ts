import { isSamePurchase, proposeDecpNeeds } from '@mutualis/core';
import type { SqliteHandle } from '@mutualis/db';
import { estimableDecpFacts, FLAG_FACT_COLUMNS, type StoredDecpFacts } from './estimable-decp-facts';
import { needLabel, type NeedsOutcome, storedSourceRef, toNeedRow } from './refresh-decp-needs';

const BUYERS_PER_TRANSACTION = 1000;

const NEED_COLUMNS = [
  'id',
  'organization_id',
  'cpv_code',
  'label',
  'quantity',
  'unit',
  'units_per_pack',
  'unit_price_cents',
  'annual_amount_cents',
  'amount_is_derived',
  'delivery_communes_json',
  'csr_requirements_json',
  'quality_requirements',
  'confidence',
  'status',
  'source',
  'source_ref',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof ReturnType<typeof toNeedRow>)[];

interface ExistingNeed {
  id: string;
  cpv_code: string;
  status: string;
  annual_amount_cents: number;
  source_ref: string | null;
}

/**
 * `refreshDecpNeeds` on SQLite with prepared statements, one buyer at a time (its contracts read
 * from the covering `running_contracts_org_decp_idx` alone, its needs through `needs_organization_list_order_idx`),
 * 1,000 buyers per transaction: the same proposals, inserts and updates, without building and
 * compiling multi-row queries.
 */
export function refreshDecpNeedsSqlite(database: SqliteHandle, buyerIds: Iterable<string>, now: string): NeedsOutcome {
  const selectContracts = database.prepare(
    `SELECT organization_id, decp_id, ${FLAG_FACT_COLUMNS.join(', ')} FROM running_contracts WHERE source = 'decp' AND organization_id = ?`,
  );
  const selectNeeds = database.prepare(
    "SELECT id, cpv_code, status, annual_amount_cents, source_ref FROM needs WHERE source = 'decp' AND organization_id = ?",
  );
  const insertNeed = database.prepare(`INSERT INTO needs (${NEED_COLUMNS.join(', ')}) VALUES (${NEED_COLUMNS.map(() => '?').join(', ')})`);
  const updateNeed = database.prepare('UPDATE needs SET label = ?, annual_amount_cents = ?, source_ref = ?, updated_at = ? WHERE id = ?');
  const deleteNeed = database.prepare('DELETE FROM needs WHERE id = ?');
  const outcome: NeedsOutcome = { created: 0, updated: 0 };
  const refreshBuyer = (buyerId: string): void => {
    const contracts = estimableDecpFacts(selectContracts.all(buyerId) as StoredDecpFacts[]);
    const existing = new Map((selectNeeds.all(buyerId) as ExistingNeed[]).map((n) => [n.cpv_code, n]));
    const proposals = proposeDecpNeeds(contracts);
    // A proposal no longer made (its contracts were re-read as one recurring need at another code) is withdrawn.
    const proposed = new Set(proposals.map((p) => p.cpvCode));
    for (const need of existing.values()) {
      if (need.status !== 'proposed' || proposed.has(need.cpv_code)) continue;
      deleteNeed.run(need.id);
      outcome.updated += 1;
    }
    const decided = [...existing.values()].filter((n) => n.status !== 'proposed');
    for (const proposal of proposals) {
      const current = existing.get(proposal.cpvCode);
      if (current === undefined && decided.some((n) => isSamePurchase(n.cpv_code, proposal.cpvCode))) continue;
      if (current === undefined) {
        const row = toNeedRow(proposal, now);
        insertNeed.run(NEED_COLUMNS.map((name) => row[name] ?? null));
        outcome.created += 1;
        continue;
      }
      const sourceRef = storedSourceRef(proposal.sourceRef);
      if (
        current.status === 'proposed' &&
        (current.annual_amount_cents !== proposal.annualAmountCents || current.source_ref !== sourceRef)
      ) {
        updateNeed.run(needLabel(proposal), proposal.annualAmountCents, sourceRef, now, current.id);
        outcome.updated += 1;
      }
    }
  };
  const refreshSlice = database.transaction((slice: string[]) => {
    for (const id of slice) refreshBuyer(id);
  });
  // By id: the needs of consecutive buyers land on neighbouring pages of the organization indexes.
  const ids = [...buyerIds].sort();
  for (let i = 0; i < ids.length; i += BUYERS_PER_TRANSACTION) refreshSlice(ids.slice(i, i + BUYERS_PER_TRANSACTION));
  return outcome;
}
