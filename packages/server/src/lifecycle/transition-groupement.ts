import { DomainError, type Groupement, type GroupementStatus, implausibleDateReason, type IsoDate } from '@mutualis/core';
import { applyTransition, buildLaunchSnapshot } from '@mutualis/core/lifecycle';
import { type MutualisDb, type Repositories, withTransaction } from '@mutualis/db';
import { loadGroupementDossier } from '../groupements';
import { loadLifecycle } from './load-lifecycle';
import { refusalError } from './refusal-error';
import { type AuditContext, writeAudit } from './write-audit';

export type TransitionRequest =
  | { to: 'convention_drafted'; plannedLaunchOn?: IsoDate }
  | { to: 'launched'; launchedOn: IsoDate; at?: IsoDate }
  | { to: Exclude<GroupementStatus, 'convention_drafted' | 'launched'> };

export interface TransitionGroupementOptions {
  database: MutualisDb;
  repos: Repositories;
  groupementId: string;
  request: TransitionRequest;
  audit: Omit<AuditContext, 'groupementId' | 'territoryId'>;
}

/**
 * Moves a groupement to its next status. A launch also stores the decision snapshot (frozen members,
 * baselines, estimated value, procedure, savings, with the analysis parameters). The status change,
 * the snapshot and their audit entries commit together; a refusal is a `conflict` listing the reasons.
 */
export async function transitionGroupement({ database, repos, groupementId, request, audit }: TransitionGroupementOptions) {
  const today = audit.at.slice(0, 10);
  const dated = request.to === 'launched' ? { field: 'launchedOn' as const, value: request.launchedOn } : null;
  const planned = request.to === 'convention_drafted' ? request.plannedLaunchOn : undefined;
  const reason =
    dated !== null
      ? implausibleDateReason(dated.field, dated.value, today)
      : planned === undefined
        ? null
        : implausibleDateReason('plannedLaunchOn', planned, today);
  if (reason !== null) {
    throw DomainError.validation('Date invraisemblable.', [{ field: dated === null ? 'plannedLaunchOn' : 'launchedOn', reason }]);
  }
  const before = await loadLifecycle(repos, groupementId);
  // The analysis runs before the transaction: on SQLite the transaction holds the only connection.
  const launchSnapshot = request.to === 'launched' ? await snapshotAtLaunch(repos, before.groupement, request) : null;
  return withTransaction(database, async (trx) => {
    const loaded = await loadLifecycle(trx, groupementId);
    const result = applyTransition(loaded.state, request.to);
    if (!result.ok) throw refusalError(result.reasons);
    const context = { ...audit, territoryId: loaded.groupement.territoryId, groupementId };
    await trx.groupements.update(groupementId, { status: result.state.status });
    await writeAudit(trx, context, result.audit);
    if (request.to === 'convention_drafted' && request.plannedLaunchOn !== undefined) {
      await trx.groupementPlans.upsert(groupementId, request.plannedLaunchOn);
    }
    if (launchSnapshot !== null) {
      // The members frozen are those of the state at this instant (checked in the transaction).
      const values = { ...launchSnapshot.values, memberIds: [...(result.state.frozenMemberIds ?? [])] };
      const snapshot = await trx.decisionSnapshots.insert({
        groupementId,
        procedureNumber: result.state.procedureNumber,
        kind: 'launch',
        decidedOn: values.launchedOn,
        values,
        parameters: launchSnapshot.parameters,
      });
      await writeAudit(
        trx,
        context,
        { action: 'decision.snapshot', before: null, after: snapshot },
        { entity: 'decision_snapshot', entityId: snapshot.id },
      );
    }
    return result.state;
  });
}

/** Loads the groupement's dossier at the launch date and computes its launch decision (core). */
async function snapshotAtLaunch(repos: Repositories, groupement: Groupement, request: Extract<TransitionRequest, { to: 'launched' }>) {
  const at = request.at ?? request.launchedOn;
  const dossier = await loadGroupementDossier({ repos, groupement, at });
  return buildLaunchSnapshot({
    opportunity: dossier.opportunity,
    needs: dossier.analysis.data.needs,
    analysisParameters: dossier.analysis.result.parameters,
    memberIds: groupement.memberIds,
    launchedOn: request.launchedOn,
    at,
  });
}
