import type { Groupement, GroupementStatus } from '@mutualis/core';
import type { Kysely, Selectable } from 'kysely';
import { newId } from '../dialect/new-id';
import { nowIso } from '../dialect/now-iso';
import { guardWrite } from '../dialect/write-error';
import type { Database, GroupementTable } from '../schema';
import { fromBool, toBool } from './json-column';
import { runAtomically } from './run-atomically';

export type NewGroupement = Omit<Groupement, 'id'> & { id?: string };
export type GroupementPatch = Partial<Omit<Groupement, 'id' | 'territoryId'>>;

const CONTEXT = { referenceField: 'memberIds' };

/**
 * Groupements and their members. A coordinator is always a member: `memberIds` of a stored
 * groupement contains its `coordinatorIds`. Both lists come back sorted.
 */
export function createGroupementRepository(db: Kysely<Database>) {
  async function load(rows: Selectable<GroupementTable>[]): Promise<Groupement[]> {
    if (rows.length === 0) return [];
    const members = await db
      .selectFrom('groupement_members')
      .selectAll()
      .where(
        'groupement_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('organization_id')
      .execute();
    return rows.map((row) => {
      const own = members.filter((m) => m.groupement_id === row.id);
      return toGroupement(
        row,
        own.map((m) => m.organization_id),
        own.filter((m) => toBool(m.is_coordinator)).map((m) => m.organization_id),
      );
    });
  }

  async function replaceMembers(
    trx: Kysely<Database>,
    groupementId: string,
    memberIds: readonly string[],
    coordinatorIds: readonly string[],
  ) {
    await trx.deleteFrom('groupement_members').where('groupement_id', '=', groupementId).execute();
    const all = [...new Set([...memberIds, ...coordinatorIds])];
    if (all.length === 0) return;
    const rows = all.map((organizationId) => ({
      groupement_id: groupementId,
      organization_id: organizationId,
      is_coordinator: fromBool(coordinatorIds.includes(organizationId)),
    }));
    await trx.insertInto('groupement_members').values(rows).execute();
  }

  async function getById(id: string): Promise<Groupement | undefined> {
    const row = await db.selectFrom('groupements').selectAll().where('id', '=', id).executeTakeFirst();
    return row && (await load([row]))[0];
  }

  return {
    getById,

    /** Groupements of a territory (optionally of one status), ordered by name. */
    async list(filter: { territoryId: string; status?: GroupementStatus }): Promise<Groupement[]> {
      let query = db.selectFrom('groupements').selectAll().where('territory_id', '=', filter.territoryId).orderBy('name').orderBy('id');
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      return load(await query.execute());
    },

    async insert(input: NewGroupement): Promise<Groupement> {
      const id = input.id ?? newId();
      const now = nowIso();
      await guardWrite(CONTEXT, () =>
        runAtomically(db, async (trx) => {
          await trx
            .insertInto('groupements')
            .values({
              id,
              territory_id: input.territoryId,
              name: input.name,
              family_id: input.familyId,
              mandate_scope: input.mandateScope,
              status: input.status,
              is_permanent: fromBool(input.isPermanent),
              admissions_by: input.admissionsBy,
              created_at: now,
              updated_at: now,
            })
            .execute();
          await replaceMembers(trx, id, input.memberIds, input.coordinatorIds);
        }),
      );
      const stored = await getById(id);
      if (stored === undefined) throw new Error(`groupement ${id} vanished after insert`);
      return stored;
    },

    /** Updates fields; `memberIds`/`coordinatorIds`, when given, replace the member list. */
    async update(id: string, patch: GroupementPatch): Promise<Groupement | undefined> {
      const current = await getById(id);
      if (current === undefined) return undefined;
      await guardWrite(CONTEXT, () =>
        runAtomically(db, async (trx) => {
          await trx
            .updateTable('groupements')
            .set({
              name: patch.name,
              family_id: patch.familyId,
              mandate_scope: patch.mandateScope,
              status: patch.status,
              is_permanent: patch.isPermanent === undefined ? undefined : fromBool(patch.isPermanent),
              admissions_by: patch.admissionsBy,
              updated_at: nowIso(),
            })
            .where('id', '=', id)
            .execute();
          if (patch.memberIds !== undefined || patch.coordinatorIds !== undefined) {
            await replaceMembers(trx, id, patch.memberIds ?? current.memberIds, patch.coordinatorIds ?? current.coordinatorIds);
          }
        }),
      );
      return getById(id);
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('groupements').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

export type GroupementRepository = ReturnType<typeof createGroupementRepository>;

function toGroupement(row: Selectable<GroupementTable>, memberIds: string[], coordinatorIds: string[]): Groupement {
  return {
    id: row.id,
    territoryId: row.territory_id,
    name: row.name,
    familyId: row.family_id,
    memberIds,
    coordinatorIds,
    mandateScope: row.mandate_scope,
    status: row.status,
    isPermanent: toBool(row.is_permanent),
    admissionsBy: row.admissions_by,
  };
}
