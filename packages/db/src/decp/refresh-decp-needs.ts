import { createHash } from 'node:crypto';
import { getCpv, type ProposedDecpNeed, proposeDecpNeeds } from '@mutualis/core';
import type { Insertable, Kysely } from 'kysely';
import { newOrderedId } from '../dialect/new-id';
import type { Database } from '../schema';

/** How many proposed needs a refresh created, changed and removed. */
export interface NeedsOutcome {
  created: number;
  updated: number;
  removed: number;
}

/** Buyers refreshed per transaction (and per `in (…)` list). */
const BUYERS_PER_SLICE = 500;
const ROWS_PER_INSERT = 500;
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
 * `proposeDecpNeeds`: one need per buyer and purchase family, status `proposed`, source `decp`,
 * `source_ref` = the DECP ids): creates the missing ones (stamped with `importId`), updates those
 * whose amount or sources changed, removes those no contract backs any more (an undone import).
 * A need its buyer confirmed or rejected is the buyer's: left alone.
 */
export async function refreshDecpNeeds(
  db: Kysely<Database>,
  options: { buyerIds: Iterable<string>; now: string; importId: string | null },
): Promise<NeedsOutcome> {
  const outcome: NeedsOutcome = { created: 0, updated: 0, removed: 0 };
  // By id: the needs of consecutive buyers land on neighbouring pages of the organization indexes.
  const ids = [...options.buyerIds].sort();
  for (let i = 0; i < ids.length; i += BUYERS_PER_SLICE) {
    const step = await db.transaction().execute((trx) => refreshSlice(trx, ids.slice(i, i + BUYERS_PER_SLICE), options));
    outcome.created += step.created;
    outcome.updated += step.updated;
    outcome.removed += step.removed;
  }
  return outcome;
}

async function refreshSlice(db: Kysely<Database>, buyerIds: string[], options: { now: string; importId: string | null }) {
  const contracts = await db
    .selectFrom('running_contracts')
    .select(['organization_id', 'decp_id', 'cpv_code', 'amount_cents', 'duration_months'])
    .where('organization_id', 'in', buyerIds)
    .where('source', '=', 'decp')
    .execute();
  const proposals = proposeDecpNeeds(
    contracts.map((c) => ({
      organizationId: c.organization_id,
      decpId: c.decp_id ?? '',
      cpvCode: c.cpv_code,
      amountCents: c.amount_cents,
      durationMonths: c.duration_months,
    })),
  );
  const existing = await db
    .selectFrom('needs')
    .select(['id', 'organization_id', 'cpv_code', 'status', 'annual_amount_cents', 'source_ref'])
    .where('organization_id', 'in', buyerIds)
    .where('source', '=', 'decp')
    .execute();
  const byFamily = new Map(existing.map((n) => [`${n.organization_id}|${n.cpv_code}`, n]));
  const inserts: Insertable<Database['needs']>[] = [];
  let updated = 0;
  for (const proposal of proposals) {
    const key = `${proposal.organizationId}|${proposal.familyCode}`;
    const current = byFamily.get(key);
    byFamily.delete(key);
    const sourceRef = storedSourceRef(proposal.sourceRef);
    if (current === undefined) inserts.push(needRow(proposal, options.importId, options.now));
    else if (
      current.status === 'proposed' &&
      (current.annual_amount_cents !== proposal.annualAmountCents || current.source_ref !== sourceRef)
    ) {
      await db
        .updateTable('needs')
        .set({
          label: needLabel(proposal),
          annual_amount_cents: proposal.annualAmountCents,
          source_ref: sourceRef,
          updated_at: options.now,
        })
        .where('id', '=', current.id)
        .execute();
      updated += 1;
    }
  }
  for (let i = 0; i < inserts.length; i += ROWS_PER_INSERT)
    await db
      .insertInto('needs')
      .values(inserts.slice(i, i + ROWS_PER_INSERT))
      .execute();
  const orphans = [...byFamily.values()].filter((n) => n.status === 'proposed').map((n) => n.id);
  for (let i = 0; i < orphans.length; i += ROWS_PER_INSERT)
    await db
      .deleteFrom('needs')
      .where('id', 'in', orphans.slice(i, i + ROWS_PER_INSERT))
      .execute();
  return { created: inserts.length, updated, removed: orphans.length };
}

function needRow(proposal: ProposedDecpNeed, importId: string | null, now: string): Insertable<Database['needs']> {
  return {
    id: newOrderedId(),
    organization_id: proposal.organizationId,
    cpv_code: proposal.familyCode,
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
  const family = getCpv(proposal.familyCode)?.labelFr ?? proposal.familyCode;
  const count = proposal.contractCount;
  return `${family} (d’après ${count} marché${count > 1 ? 's' : ''} DECP)`;
}
