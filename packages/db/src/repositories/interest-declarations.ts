import type { UnitCode } from '@mutualis/core';
import type { Kysely, Selectable } from 'kysely';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { Database } from '../schema';
import type { InterestDeclarationTable } from '../schema-local-capacity';

/** A firm's interest in one lot of a planned consultation, with the capacity it declares. */
export interface InterestDeclaration {
  consultationId: string;
  lotId: string;
  organizationId: string;
  capacity: number;
  unit: UnitCode;
  comment: string;
  updatedAt: string;
}

export type NewInterestDeclaration = Omit<InterestDeclaration, 'updatedAt'>;

const CONTEXT = { referenceField: 'organizationId' };

export function createInterestDeclarationRepository(db: Kysely<Database>) {
  return {
    /** Declarations of a consultation (optionally of one firm), by lot then firm. */
    async listForConsultation(consultationId: string, organizationId?: string): Promise<InterestDeclaration[]> {
      let query = db.selectFrom('interest_declarations').selectAll().where('consultation_id', '=', consultationId);
      if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
      const rows = await query.orderBy('lot_id').orderBy('organization_id').execute();
      return rows.map(toDeclaration);
    },

    /** Declarations on every consultation of the given opportunity in a territory. */
    async listForOpportunity(territoryId: string, opportunityId: string): Promise<InterestDeclaration[]> {
      const rows = await db
        .selectFrom('interest_declarations')
        .innerJoin('planned_consultations', 'planned_consultations.id', 'interest_declarations.consultation_id')
        .selectAll('interest_declarations')
        .where('planned_consultations.territory_id', '=', territoryId)
        .where('planned_consultations.opportunity_id', '=', opportunityId)
        .orderBy('interest_declarations.lot_id')
        .orderBy('interest_declarations.organization_id')
        .execute();
      return rows.map(toDeclaration);
    },

    /** Stores the declaration, replacing the firm's previous one on the same lot. */
    async upsert(input: NewInterestDeclaration): Promise<InterestDeclaration> {
      const updatedAt = nowIso();
      const changes = { capacity: input.capacity, unit: input.unit, comment: input.comment, updated_at: updatedAt };
      const row = await guardWrite(CONTEXT, () =>
        db
          .insertInto('interest_declarations')
          .values({ consultation_id: input.consultationId, lot_id: input.lotId, organization_id: input.organizationId, ...changes })
          .onConflict((oc) => oc.columns(['consultation_id', 'lot_id', 'organization_id']).doUpdateSet(changes))
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toDeclaration(row);
    },
  };
}

export type InterestDeclarationRepository = ReturnType<typeof createInterestDeclarationRepository>;

function toDeclaration(row: Selectable<InterestDeclarationTable>): InterestDeclaration {
  return {
    consultationId: row.consultation_id,
    lotId: row.lot_id,
    organizationId: row.organization_id,
    capacity: row.capacity,
    unit: row.unit,
    comment: row.comment,
    updatedAt: row.updated_at,
  };
}
