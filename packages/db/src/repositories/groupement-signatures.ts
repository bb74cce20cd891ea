import type { SignatureRecord } from '@mutualis/core/lifecycle';
import type { Kysely } from 'kysely';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { Database } from '../schema';

/** Signatures of the convention and deliberations, one row per member of a groupement. */
export function createGroupementSignatureRepository(db: Kysely<Database>) {
  return {
    async list(groupementId: string): Promise<SignatureRecord[]> {
      const rows = await db
        .selectFrom('groupement_signatures')
        .selectAll()
        .where('groupement_id', '=', groupementId)
        .orderBy('organization_id')
        .execute();
      return rows.map((r) => ({
        organizationId: r.organization_id,
        signedOn: r.signed_on,
        deliberationOn: r.deliberation_on,
        deliberationReference: r.deliberation_reference,
      }));
    },

    /** Stores the member's record as a whole (the core merged it with the previous one). */
    async upsert(groupementId: string, record: SignatureRecord): Promise<void> {
      const values = {
        signed_on: record.signedOn,
        deliberation_on: record.deliberationOn,
        deliberation_reference: record.deliberationReference,
        recorded_at: nowIso(),
      };
      await guardWrite({ referenceField: 'organizationId' }, () =>
        db
          .insertInto('groupement_signatures')
          .values({ groupement_id: groupementId, organization_id: record.organizationId, ...values })
          .onConflict((oc) => oc.columns(['groupement_id', 'organization_id']).doUpdateSet(values))
          .execute(),
      );
    },
  };
}

export type GroupementSignatureRepository = ReturnType<typeof createGroupementSignatureRepository>;
