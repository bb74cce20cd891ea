import { canDisclose, type DisclosureViewer, WITHHELD_REASON_LABELS } from '@mutualis/core';
import { familyContractsOf } from '../analysis';
import type { GroupementExportFile } from '../files';
import { decideGroupementAggregate, type GroupementPeers } from './groupement-disclosure';
import type { GroupementDossier } from './load-groupement-dossier';

export interface BuildGroupementFileOptions {
  dossier: GroupementDossier;
  /** The reader, for core's disclosure rule: a member buyer reads its own amounts, prices and contracts only. */
  viewer: DisclosureViewer;
  /** The member sets of the other totals the reader may see of these needs (source opportunity, launch). */
  peers: GroupementPeers;
}

/**
 * The groupement file: members, their needs of the family, their running contracts of the family
 * and the backward schedule, all from the opportunity the groupement came from. Names and volumes
 * of every member are given; amounts, unit prices and contract amounts of another organization
 * are not, and the pooled total only where core's disclosure rule allows it.
 */
export function buildGroupementFile({ dossier, viewer, peers }: BuildGroupementFileOptions): GroupementExportFile {
  const { groupement, analysis, opportunity, members, family } = dossier;
  const memberIds = new Set(groupement.memberIds);
  const needIds = new Set(opportunity?.members.filter((m) => memberIds.has(m.organizationId)).flatMap((m) => m.needIds) ?? []);
  const ownFigure = (organizationId: string) => canDisclose(viewer, { kind: 'organization', organizationId });
  const selected = analysis.data.needs.filter((n) => needIds.has(n.id));
  const needs = selected.map((n) => ({
    ...n,
    unitPriceCents: ownFigure(n.organizationId) ? n.unitPriceCents : null,
    annualAmountCents: ownFigure(n.organizationId) ? n.annualAmountCents : null,
  }));
  const contracts = (opportunity ? familyContractsOf(analysis, opportunity).filter((c) => memberIds.has(c.organizationId)) : []).map(
    (c) => ({
      ...c,
      amountCents: canDisclose(viewer, { kind: 'running_contract', organizationId: c.organizationId }) ? c.amountCents : null,
    }),
  );
  const contributorIds = [...new Set(selected.filter((n) => n.annualAmountCents > 0).map((n) => n.organizationId))];
  const pooled = decideGroupementAggregate(viewer, peers, contributorIds);
  const hidesSomething =
    !pooled.isShown || needs.some((n) => n.annualAmountCents === null) || contracts.some((c) => c.amountCents === null);
  const schedule = (opportunity?.calendar.schedule ?? []).map((s) => ({
    date: s.date,
    label: s.labelFr,
    organizationId: s.organizationId,
  }));
  return {
    groupement,
    familyName: family.name,
    members,
    needs,
    contracts,
    pooledAmountCents: pooled.isShown ? selected.reduce((s, n) => s + n.annualAmountCents, 0) : null,
    withheldNote: hidesSomething
      ? [
          WITHHELD_REASON_LABELS.other_organization,
          WITHHELD_REASON_LABELS.running_contract,
          ...(pooled.isShown ? [] : [WITHHELD_REASON_LABELS[pooled.reason]]),
        ].join(' ')
      : null,
    schedule,
  };
}
