import type { Kysely } from 'kysely';
import { newId } from '../dialect/new-id';
import { nowIso } from '../dialect/now-iso';
import type { Database } from '../schema';
import { readJson, writeJson } from './json-column';

/**
 * What was decided at launch or award, with the parameters it was computed with, so that a later
 * recomputation (new thresholds, new elasticities) never changes a past decision.
 */
export interface DecisionSnapshot<Values = unknown, Parameters = unknown> {
  id: string;
  groupementId: string;
  procedureNumber: number;
  kind: 'launch' | 'award';
  decidedOn: string;
  values: Values;
  parameters: Parameters;
}

export type NewDecisionSnapshot<V = unknown, P = unknown> = Omit<DecisionSnapshot<V, P>, 'id'>;

/** Decision snapshots: insert and list only (a decision is never rewritten). */
export function createDecisionSnapshotRepository(db: Kysely<Database>) {
  return {
    async insert<V, P>(snapshot: NewDecisionSnapshot<V, P>): Promise<DecisionSnapshot<V, P>> {
      const id = newId();
      await db
        .insertInto('decision_snapshots')
        .values({
          id,
          groupement_id: snapshot.groupementId,
          procedure_number: snapshot.procedureNumber,
          kind: snapshot.kind,
          decided_on: snapshot.decidedOn,
          values_json: writeJson(snapshot.values),
          parameters_json: writeJson(snapshot.parameters),
          created_at: nowIso(),
        })
        .execute();
      return { id, ...snapshot };
    },

    /** Snapshots of a groupement, oldest procedure first, launch before award. */
    async list(groupementId: string): Promise<DecisionSnapshot[]> {
      const rows = await db
        .selectFrom('decision_snapshots')
        .selectAll()
        .where('groupement_id', '=', groupementId)
        .orderBy('procedure_number')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        groupementId: r.groupement_id,
        procedureNumber: r.procedure_number,
        kind: r.kind,
        decidedOn: r.decided_on,
        values: readJson<unknown>(r.values_json),
        parameters: readJson<unknown>(r.parameters_json),
      }));
    },
  };
}

export type DecisionSnapshotRepository = ReturnType<typeof createDecisionSnapshotRepository>;
