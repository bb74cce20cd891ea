import type { ConsumptionLine } from '@mutualis/core/lifecycle';
import type { Kysely } from 'kysely';
import { newId } from '../dialect/new-id';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { Database } from '../schema';
import { runAtomically } from './run-atomically';

/** What a member consumed on a lot of one procedure over a month. */
export interface ConsumptionEntry extends ConsumptionLine {
  groupementId: string;
  procedureNumber: number;
  source: 'manual' | 'import';
}

/**
 * Consumption per (groupement, procedure, lot, member, month). Writing a month again replaces its
 * figures, so re-importing the same file changes nothing; a batch is written all or nothing.
 */
export function createConsumptionRepository(db: Kysely<Database>) {
  return {
    async upsertMany(entries: readonly ConsumptionEntry[]): Promise<void> {
      if (entries.length === 0) return;
      await guardWrite({ referenceField: 'organizationId' }, () =>
        runAtomically(db, async (trx) => {
          for (const e of entries) {
            const figures = { quantity: e.quantity, amount_cents: e.amountCents, source: e.source, created_at: nowIso() };
            await trx
              .insertInto('consumption_entries')
              .values({
                id: newId(),
                groupement_id: e.groupementId,
                procedure_number: e.procedureNumber,
                lot_key: e.lotKey,
                organization_id: e.organizationId,
                period: e.period,
                ...figures,
              })
              .onConflict((oc) =>
                oc.columns(['groupement_id', 'procedure_number', 'lot_key', 'organization_id', 'period']).doUpdateSet(figures),
              )
              .execute();
          }
        }),
      );
    },

    /** Entries of the given groupements, by groupement, procedure, lot, member and month. */
    async listByGroupements(groupementIds: readonly string[]): Promise<ConsumptionEntry[]> {
      if (groupementIds.length === 0) return [];
      const rows = await db
        .selectFrom('consumption_entries')
        .selectAll()
        .where('groupement_id', 'in', [...groupementIds])
        .orderBy('groupement_id')
        .orderBy('procedure_number')
        .orderBy('lot_key')
        .orderBy('organization_id')
        .orderBy('period')
        .execute();
      return rows.map((r) => ({
        groupementId: r.groupement_id,
        procedureNumber: r.procedure_number,
        lotKey: r.lot_key,
        organizationId: r.organization_id,
        period: r.period,
        quantity: r.quantity,
        amountCents: r.amount_cents,
        source: r.source,
      }));
    },
  };
}

export type ConsumptionRepository = ReturnType<typeof createConsumptionRepository>;
