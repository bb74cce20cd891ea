import type { AwardEssentialData } from '@mutualis/core';
import type { AwardContract, LotAward, LotCoverage } from '@mutualis/core/lifecycle';
import type { Kysely, Selectable } from 'kysely';
import { newId } from '../dialect/new-id';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { Database, LotAwardTable } from '../schema';
import { fromBool, readJson, toBool, writeJson } from './json-column';

/** A stored lot award: the decision, where its holder is established, and the contracts it gives. */
export interface StoredLotAward extends LotAward {
  id: string;
  groupementId: string;
  procedureNumber: number;
  holderDepartementCode: string | null;
  holderIsSme: boolean;
  contracts: AwardContract[];
}

export type NewLotAward = Omit<StoredLotAward, 'id'>;

/** Lot awards: insert and list (an award is a decision; a correction is a new procedure). */
export function createLotAwardRepository(db: Kysely<Database>) {
  return {
    async insert(award: NewLotAward): Promise<StoredLotAward> {
      const id = newId();
      await guardWrite({ referenceField: 'groupementId' }, () =>
        db
          .insertInto('lot_awards')
          .values({
            id,
            groupement_id: award.groupementId,
            procedure_number: award.procedureNumber,
            lot_key: award.lotKey,
            lot_label: award.lotLabel,
            holder_siret: award.holderSiret,
            holder_name: award.holderName,
            holder_departement_code: award.holderDepartementCode,
            holder_is_sme: fromBool(award.holderIsSme),
            unit_price_cents: award.price.kind === 'unit' ? award.price.unitPriceCents : null,
            amount_cents: award.price.kind === 'amount' ? award.price.amountCents : null,
            awarded_on: award.awardedOn,
            start_on: award.startOn,
            duration_months: award.durationMonths,
            coverage_json: writeJson(award.coverage),
            contracts_json: writeJson(award.contracts),
            essential_data_json: award.essentialData ? writeJson(award.essentialData) : null,
            created_at: nowIso(),
          })
          .execute(),
      );
      return { id, ...award, essentialData: award.essentialData ?? null };
    },

    /** Records (or corrects) the DECP essential data of an award; false when no award has that id. */
    async setEssentialData(id: string, essentialData: AwardEssentialData): Promise<boolean> {
      const result = await db
        .updateTable('lot_awards')
        .set({ essential_data_json: writeJson(essentialData) })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Awards of the given groupements (all procedures), by groupement, procedure and lot key. */
    async listByGroupements(groupementIds: readonly string[]): Promise<StoredLotAward[]> {
      if (groupementIds.length === 0) return [];
      const rows = await db
        .selectFrom('lot_awards')
        .selectAll()
        .where('groupement_id', 'in', [...groupementIds])
        .orderBy('groupement_id')
        .orderBy('procedure_number')
        .orderBy('lot_key')
        .execute();
      return rows.map(toAward);
    },
  };
}

export type LotAwardRepository = ReturnType<typeof createLotAwardRepository>;

function toAward(row: Selectable<LotAwardTable>): StoredLotAward {
  return {
    id: row.id,
    groupementId: row.groupement_id,
    procedureNumber: row.procedure_number,
    lotKey: row.lot_key,
    lotLabel: row.lot_label,
    holderSiret: row.holder_siret,
    holderName: row.holder_name,
    holderDepartementCode: row.holder_departement_code,
    holderIsSme: toBool(row.holder_is_sme),
    price:
      row.unit_price_cents !== null
        ? { kind: 'unit', unitPriceCents: row.unit_price_cents }
        : { kind: 'amount', amountCents: row.amount_cents ?? 0 },
    awardedOn: row.awarded_on,
    startOn: row.start_on,
    durationMonths: row.duration_months,
    coverage: readJson<LotCoverage[]>(row.coverage_json),
    contracts: readJson<AwardContract[]>(row.contracts_json),
    essentialData: row.essential_data_json === null ? null : readJson<AwardEssentialData>(row.essential_data_json),
  };
}
