import { assessDecpAmount, type DecpAmountFacts, DecpAmountPeerGroups, decpAmountFlagFloors } from '@mutualis/core';
import { nowIso } from '../dialect/now-iso';
import { writeAmountCheck } from '../repositories/decp-flags-column';
import type { DecpTransaction, StoredDecpAmountFacts } from './decp-row-writer';

/** What a refresh of the amount verdicts changed. */
export interface DecpAmountChecksOutcome {
  /** Contracts whose amount is now flagged anomalous (suspect or aberrant). */
  flagged: number;
  /** Contracts whose verdict changed. */
  changed: number;
  /** Buyers of the contracts whose verdict changed: their proposed needs may change. */
  organizationIds: string[];
}

/** The `LIKE` pattern of a contract whose import flagged its amount a placeholder, in `decp_flags_json`. */
export const SENTINEL_FLAG_PATTERN = '%"code":"amount_sentinel"%';

/**
 * Recomputes the peer-group verdict (`assessDecpAmounts`) of every stored DECP contract and writes
 * `amount_check_json` where it changed: peer groups span all territories (the consolidation's
 * rule compares a contract with all comparable ones), so every import may move them. One
 * transaction, two passes over the contracts: statistics (only they stay in memory), then verdicts,
 * of the contracts that may get or lose one (`decpAmountFlagFloors`): the others keep none.
 */
export async function refreshDecpAmountChecks(transaction: DecpTransaction): Promise<DecpAmountChecksOutcome> {
  return transaction(async (rows) => {
    const groups = new DecpAmountPeerGroups();
    await rows.eachDecpAmountFacts((row) => groups.add(toFacts(row)));
    const stats = groups.finish();
    const outcome: DecpAmountChecksOutcome = { flagged: 0, changed: 0, organizationIds: [] };
    const changes: { id: string; json: string | null }[] = [];
    const organizations = new Set<string>();
    await rows.eachDecpAmountToAssess(decpAmountFlagFloors(stats), (row) => {
      const flag = assessDecpAmount(stats, toFacts(row));
      if (flag !== null) outcome.flagged += 1;
      const json = writeAmountCheck(flag);
      if (json === row.amount_check_json) return;
      changes.push({ id: row.id, json });
      organizations.add(row.organization_id);
    });
    // A new verdict is a write: readers that follow `updated_at` (the observatory's delta) re-read its buyer.
    const now = nowIso();
    for (const change of changes) await rows.updateAmountCheck(change.id, change.json, now);
    outcome.changed = changes.length;
    outcome.organizationIds = [...organizations];
    return outcome;
  });
}

/** The rule's facts of a row; the statistics pass reads no id (a peer group counts amounts, not contracts). */
function toFacts(row: StoredDecpAmountFacts & { id?: string }): DecpAmountFacts {
  return {
    id: row.id ?? '',
    cpvCode: row.cpv_code,
    nature: row.nature,
    buyerKind: row.kind,
    // bigint columns of PostgreSQL arrive as text.
    amountCents: row.amount_cents === null ? null : Number(row.amount_cents),
    durationMonths: row.duration_months,
    isSentinel: Number(row.is_sentinel) === 1,
  };
}
