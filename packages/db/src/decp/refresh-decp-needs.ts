import { createHash } from 'node:crypto';
import { getCpv, isSamePurchase, type ProposedDecpNeed, proposeDecpNeeds } from '@mutualis/core';
import { newOrderedId } from '../dialect/new-id';
import type { DecpRowWriter, DecpTransaction } from './decp-row-writer';
import type { NeedRow } from './decp-rows';
import { estimableDecpFacts } from './estimable-decp-facts';

/** How many proposed needs a refresh created, changed and removed. */
export interface NeedsOutcome {
  created: number;
  updated: number;
  removed: number;
}

/** Buyers refreshed together: their contracts read, needs proposed and written (and per `in (…)` list). */
const BUYERS_PER_SLICE = 500;
/**
 * Slices per transaction. Each commit writes every page the transaction dirtied, and the needs'
 * list index (CPV code first) takes new needs at scattered places: one transaction per slice
 * rewrote that index again and again (docs/benchmarks.md).
 */
const SLICES_PER_TRANSACTION = 10;
/**
 * Longest `source_ref` stored: a buyer with hundreds of contracts in one family would otherwise
 * store a list of ids longer than any reader needs (the bound dates from when the column was
 * indexed and PostgreSQL refused btree entries over 2,704 bytes; stored values keep that form).
 */
const MAX_SOURCE_REF_CHARS = 1000;

/** The DECP ids as stored: in full when short, else the first ones, the count left out and a digest of all. */
export function storedSourceRef(sourceRef: string): string {
  if (sourceRef.length <= MAX_SOURCE_REF_CHARS) return sourceRef;
  const digest = createHash('sha256').update(sourceRef).digest('hex').slice(0, 16);
  const head = sourceRef.slice(0, MAX_SOURCE_REF_CHARS - 80);
  const kept = head.slice(0, head.lastIndexOf(' '));
  const omitted = sourceRef.split(' ').length - kept.split(' ').length;
  return `${kept} … (+${omitted} sha256:${digest})`;
}

/**
 * Recomputes the DECP-proposed needs of these buyers from all their DECP contracts now stored (core's
 * `proposeDecpNeeds` on the contracts whose amount may be counted: one recurring need per buyer and
 * purchase at its own CPV code, status `proposed`, source `decp`, `source_ref` = the DECP ids): creates the missing ones (stamped with `importId`), updates those
 * whose amount or sources changed, removes those no contract backs any more (an undone import).
 * A need its buyer confirmed or rejected is the buyer's: left alone. One transaction per 5,000 buyers.
 */
export async function refreshDecpNeeds(
  transaction: DecpTransaction,
  options: { buyerIds: Iterable<string>; now: string; importId: string | null },
): Promise<NeedsOutcome> {
  const outcome: NeedsOutcome = { created: 0, updated: 0, removed: 0 };
  // By id: the needs of consecutive buyers land on neighbouring pages of the organization indexes.
  const ids = [...options.buyerIds].sort();
  const perTransaction = BUYERS_PER_SLICE * SLICES_PER_TRANSACTION;
  for (let i = 0; i < ids.length; i += perTransaction) {
    await transaction(async (rows) => {
      for (let j = i; j < Math.min(ids.length, i + perTransaction); j += BUYERS_PER_SLICE) {
        const step = await refreshSlice(rows, ids.slice(j, j + BUYERS_PER_SLICE), options);
        outcome.created += step.created;
        outcome.updated += step.updated;
        outcome.removed += step.removed;
      }
    });
  }
  return outcome;
}

async function refreshSlice(
  rows: DecpRowWriter,
  buyerIds: string[],
  options: { now: string; importId: string | null },
): Promise<NeedsOutcome> {
  const proposals = proposeDecpNeeds(estimableDecpFacts(await rows.findDecpContracts(buyerIds)));
  const existing = await rows.findDecpNeeds(buyerIds);
  const byFamily = new Map(existing.map((n) => [`${n.organization_id}|${n.cpv_code}`, n]));
  const decided = existing.filter((n) => n.status !== 'proposed');
  const inserts: NeedRow[] = [];
  let updated = 0;
  for (const proposal of proposals) {
    const key = `${proposal.organizationId}|${proposal.cpvCode}`;
    const current = byFamily.get(key);
    byFamily.delete(key);
    const sourceRef = storedSourceRef(proposal.sourceRef);
    // A purchase its buyer already confirmed or rejected (at a neighbouring code) is not proposed again.
    const isDecided = decided.some((n) => n.organization_id === proposal.organizationId && isSamePurchase(n.cpv_code, proposal.cpvCode));
    if (current === undefined && isDecided) continue;
    if (current === undefined) inserts.push(needRow(proposal, options.importId, options.now));
    else if (
      current.status === 'proposed' &&
      (current.annual_amount_cents !== proposal.annualAmountCents || current.source_ref !== sourceRef)
    ) {
      await rows.updateNeed(current.id, {
        label: needLabel(proposal),
        annual_amount_cents: proposal.annualAmountCents,
        source_ref: sourceRef,
        updated_at: options.now,
      });
      updated += 1;
    }
  }
  await rows.insertNeeds(inserts);
  const orphans = [...byFamily.values()].filter((n) => n.status === 'proposed').map((n) => n.id);
  await rows.deleteNeeds(orphans);
  return { created: inserts.length, updated, removed: orphans.length };
}

function needRow(proposal: ProposedDecpNeed, importId: string | null, now: string): NeedRow {
  return {
    id: newOrderedId(),
    organization_id: proposal.organizationId,
    cpv_code: proposal.cpvCode,
    label: needLabel(proposal),
    quantity: null,
    unit: null,
    units_per_pack: null,
    unit_price_cents: null,
    annual_amount_cents: proposal.annualAmountCents,
    amount_is_derived: 1,
    delivery_communes_json: '[]',
    csr_requirements_json: '[]',
    quality_requirements: '',
    // An amount annualised from award maxima is an estimate, not a firm forecast.
    confidence: 'indicative',
    status: 'proposed',
    source: 'decp',
    source_ref: storedSourceRef(proposal.sourceRef),
    import_id: importId,
    created_at: now,
    updated_at: now,
  };
}

export function needLabel(proposal: ProposedDecpNeed): string {
  const family = getCpv(proposal.cpvCode)?.labelFr ?? proposal.cpvCode;
  const count = proposal.contractCount;
  return `${family} (d’après ${count} marché${count > 1 ? 's' : ''} DECP)`;
}
