import { createHash } from 'node:crypto';
import { getCpv, isSamePurchase, type ProposedDecpNeed, proposeDecpNeeds } from '@mutualis/core';
import { estimableDecpFacts, FLAG_FACT_COLUMNS, type StoredDecpFacts } from './estimable-decp-facts';
import { type Database, newOrderedId } from '@mutualis/db';
import type { Insertable, Kysely } from 'kysely';

/** How many needs a refresh created and changed. */
export interface NeedsOutcome {
  created: number;
  updated: number;
}

const BUYERS_PER_QUERY = 1000;
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
 * Recomputes the DECP-proposed needs of these buyers from all their DECP contracts in the
 * database (this import and earlier ones): one need per (buyer, purchase family), status
 * `proposed`, source `decp`, `source_ref` = the DECP ids. A need the buyer already confirmed or
 * rejected is left alone; a proposed one is updated only when its amount or sources changed.
 */
export async function refreshDecpNeeds(db: Kysely<Database>, buyerIds: Iterable<string>, now: string): Promise<NeedsOutcome> {
  const outcome: NeedsOutcome = { created: 0, updated: 0 };
  const ids = [...buyerIds];
  for (let i = 0; i < ids.length; i += BUYERS_PER_QUERY) {
    const slice = ids.slice(i, i + BUYERS_PER_QUERY);
    await db.transaction().execute(async (trx) => {
      const step = await refreshSlice(trx, slice, now);
      outcome.created += step.created;
      outcome.updated += step.updated;
    });
  }
  return outcome;
}

async function refreshSlice(db: Kysely<Database>, buyerIds: string[], now: string): Promise<NeedsOutcome> {
  const contracts = await db
    .selectFrom('running_contracts')
    .select(['organization_id', 'decp_id', ...FLAG_FACT_COLUMNS])
    .where('source', '=', 'decp')
    .where('organization_id', 'in', buyerIds)
    .execute();
  const proposals = proposeDecpNeeds(estimableDecpFacts(contracts as StoredDecpFacts[]));
  const existing = await db
    .selectFrom('needs')
    .select(['id', 'organization_id', 'cpv_code', 'status', 'annual_amount_cents', 'source_ref'])
    .where('source', '=', 'decp')
    .where('organization_id', 'in', buyerIds)
    .execute();
  const byFamily = new Map(existing.map((n) => [`${n.organization_id}|${n.cpv_code}`, n]));
  const inserts: Insertable<Database['needs']>[] = [];
  let updated = 0;
  // A proposal no longer made (its contracts were re-read as one recurring need at another code) is withdrawn.
  const proposed = new Set(proposals.map((p) => `${p.organizationId}|${p.cpvCode}`));
  const stale = existing.filter((n) => n.status === 'proposed' && !proposed.has(`${n.organization_id}|${n.cpv_code}`)).map((n) => n.id);
  for (let i = 0; i < stale.length; i += 500)
    await db
      .deleteFrom('needs')
      .where('id', 'in', stale.slice(i, i + 500))
      .execute();
  const decided = existing.filter((n) => n.status !== 'proposed');
  for (const proposal of proposals) {
    const current = byFamily.get(`${proposal.organizationId}|${proposal.cpvCode}`);
    const isDecided = decided.some((n) => n.organization_id === proposal.organizationId && isSamePurchase(n.cpv_code, proposal.cpvCode));
    if (current === undefined && isDecided) continue;
    if (current === undefined) inserts.push(toNeedRow(proposal, now));
    else if (
      current.status === 'proposed' &&
      (current.annual_amount_cents !== proposal.annualAmountCents || current.source_ref !== storedSourceRef(proposal.sourceRef))
    ) {
      await db
        .updateTable('needs')
        .set({
          label: needLabel(proposal),
          annual_amount_cents: proposal.annualAmountCents,
          source_ref: storedSourceRef(proposal.sourceRef),
          updated_at: now,
        })
        .where('id', '=', current.id)
        .execute();
      updated += 1;
    }
  }
  for (let i = 0; i < inserts.length; i += 500)
    await db
      .insertInto('needs')
      .values(inserts.slice(i, i + 500))
      .execute();
  return { created: inserts.length, updated: updated + stale.length };
}

export function toNeedRow(proposal: ProposedDecpNeed, now: string): Insertable<Database['needs']> {
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
    created_at: now,
    updated_at: now,
  };
}

export function needLabel(proposal: ProposedDecpNeed): string {
  const family = getCpv(proposal.cpvCode)?.labelFr ?? proposal.cpvCode;
  const count = proposal.contractCount;
  return `${family} (d’après ${count} marché${count > 1 ? 's' : ''} DECP)`;
}
