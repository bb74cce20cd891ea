import type { Need } from '@mutualis/core';
import { familyContractsOf } from '../analysis';
import type { GroupementExportFile } from '../files';
import type { GroupementDossier } from './load-groupement-dossier';

export interface BuildGroupementFileOptions {
  dossier: GroupementDossier;
  /** Whether the reader may see this organization's unit prices (a member buyer: its own only). */
  canSeePricesOf: (organizationId: string) => boolean;
}

/**
 * The groupement file: members, their needs of the family, their running contracts of the
 * family and the backward schedule, all from the opportunity the groupement came from.
 */
export function buildGroupementFile({ dossier, canSeePricesOf }: BuildGroupementFileOptions): GroupementExportFile {
  const { groupement, analysis, opportunity, members, family } = dossier;
  const memberIds = new Set(groupement.memberIds);
  const needIds = new Set(opportunity?.members.filter((m) => memberIds.has(m.organizationId)).flatMap((m) => m.needIds) ?? []);
  const needs = analysis.data.needs
    .filter((n) => needIds.has(n.id))
    .map((n): Need => (canSeePricesOf(n.organizationId) ? n : { ...n, unitPriceCents: null }));
  const contracts = opportunity ? familyContractsOf(analysis, opportunity).filter((c) => memberIds.has(c.organizationId)) : [];
  const schedule = (opportunity?.calendar.schedule ?? []).map((s) => ({
    date: s.date,
    label: s.labelFr,
    organizationId: s.organizationId,
  }));
  return { groupement, familyName: family.name, members, needs, contracts, schedule };
}
