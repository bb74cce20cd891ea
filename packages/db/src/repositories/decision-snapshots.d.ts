import type { Kysely } from 'kysely';
import type { Database } from '../schema';
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
export declare function createDecisionSnapshotRepository(db: Kysely<Database>): {
  insert<V, P>(snapshot: NewDecisionSnapshot<V, P>): Promise<DecisionSnapshot<V, P>>;
  /** Snapshots of a groupement, oldest procedure first, launch before award. */
  list(groupementId: string): Promise<DecisionSnapshot[]>;
};
export type DecisionSnapshotRepository = ReturnType<typeof createDecisionSnapshotRepository>;
