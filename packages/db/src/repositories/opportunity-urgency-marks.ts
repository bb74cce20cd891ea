import type { Kysely } from 'kysely';
import { nowIso } from '../dialect/now-iso';
import type { Database } from '../schema';

/** The facilitator's "urgent" mark on an opportunity's need (issue 17 §3). */
export interface OpportunityUrgencyMark {
  territoryId: string;
  opportunityId: string;
  markedBy: string | null;
  markedAt: string;
}

export type OpportunityUrgencyKey = Pick<OpportunityUrgencyMark, 'territoryId' | 'opportunityId'>;

export function createOpportunityUrgencyMarkRepository(db: Kysely<Database>) {
  return {
    /** The mark of this opportunity, or null when it is not marked urgent. */
    async get({ territoryId, opportunityId }: OpportunityUrgencyKey): Promise<OpportunityUrgencyMark | null> {
      const row = await db
        .selectFrom('opportunity_urgency_marks')
        .selectAll()
        .where('territory_id', '=', territoryId)
        .where('opportunity_id', '=', opportunityId)
        .executeTakeFirst();
      return row
        ? { territoryId: row.territory_id, opportunityId: row.opportunity_id, markedBy: row.marked_by, markedAt: row.marked_at }
        : null;
    },

    /** Marks the opportunity urgent; an existing mark keeps its author and date. */
    async mark(key: OpportunityUrgencyKey & { markedBy: string | null }): Promise<OpportunityUrgencyMark> {
      await db
        .insertInto('opportunity_urgency_marks')
        .values({ territory_id: key.territoryId, opportunity_id: key.opportunityId, marked_by: key.markedBy, marked_at: nowIso() })
        .onConflict((oc) => oc.columns(['territory_id', 'opportunity_id']).doNothing())
        .execute();
      const stored = await this.get(key);
      if (!stored) throw new Error('the urgency mark was just stored');
      return stored;
    },

    /** Removes the mark; returns whether one existed. */
    async unmark({ territoryId, opportunityId }: OpportunityUrgencyKey): Promise<boolean> {
      const result = await db
        .deleteFrom('opportunity_urgency_marks')
        .where('territory_id', '=', territoryId)
        .where('opportunity_id', '=', opportunityId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type OpportunityUrgencyMarkRepository = ReturnType<typeof createOpportunityUrgencyMarkRepository>;
