import type { UnitCode } from '@mutualis/core';
import type { Kysely, Selectable } from 'kysely';
import { newId } from '../dialect/new-id';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { Database } from '../schema';
import type { PlannedConsultationTable } from '../schema-local-capacity';
import { readJson, writeJson } from './json-column';

/** One lot of a planned consultation as published: its designer id, label and volume. */
export interface PlannedLot {
  /** Lot id of the designer (`<geo node>|<product node>`), stable for the same demand. */
  id: string;
  label: string;
  volume: number | null;
  unit: UnitCode | null;
  /** INSEE codes of the delivery communes of the lot. */
  siteCodes: string[];
}

/** A consultation a territory plans to launch, published on its public forecast page. */
export interface PlannedConsultation {
  id: string;
  territoryId: string;
  opportunityId: string;
  title: string;
  cpvCode: string;
  volume: number | null;
  unit: UnitCode | null;
  buyerCount: number;
  lots: PlannedLot[];
  maxLotsPerBidder: number | null;
  launchDate: string;
  startDate: string;
  notes: string;
  createdAt: string;
}

export type NewPlannedConsultation = Omit<PlannedConsultation, 'id' | 'createdAt'>;

const CONTEXT = { referenceField: 'territoryId' };

export function createPlannedConsultationRepository(db: Kysely<Database>) {
  return {
    async getById(id: string): Promise<PlannedConsultation | undefined> {
      const row = await db.selectFrom('planned_consultations').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toConsultation(row);
    },

    /** Consultations of a territory, by launch date. */
    async listForTerritory(territoryId: string): Promise<PlannedConsultation[]> {
      const rows = await db
        .selectFrom('planned_consultations')
        .selectAll()
        .where('territory_id', '=', territoryId)
        .orderBy('launch_date')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toConsultation);
    },

    async insert(input: NewPlannedConsultation): Promise<PlannedConsultation> {
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('planned_consultations')
          .values({
            id: newId(),
            territory_id: input.territoryId,
            opportunity_id: input.opportunityId,
            title: input.title,
            cpv_code: input.cpvCode,
            volume: input.volume,
            unit: input.unit,
            buyer_count: input.buyerCount,
            lots_json: writeJson(input.lots),
            max_lots_per_bidder: input.maxLotsPerBidder,
            launch_date: input.launchDate,
            start_date: input.startDate,
            notes: input.notes,
            created_at: nowIso(),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toConsultation(row);
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('planned_consultations').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type PlannedConsultationRepository = ReturnType<typeof createPlannedConsultationRepository>;

function toConsultation(row: Selectable<PlannedConsultationTable>): PlannedConsultation {
  return {
    id: row.id,
    territoryId: row.territory_id,
    opportunityId: row.opportunity_id,
    title: row.title,
    cpvCode: row.cpv_code,
    volume: row.volume,
    unit: row.unit,
    buyerCount: row.buyer_count,
    lots: readJson<PlannedLot[]>(row.lots_json),
    maxLotsPerBidder: row.max_lots_per_bidder,
    launchDate: row.launch_date,
    startDate: row.start_date,
    notes: row.notes,
    createdAt: row.created_at,
  };
}
