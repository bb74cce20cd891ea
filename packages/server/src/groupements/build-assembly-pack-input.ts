import { type AssemblyPackInput, DomainError, type DisclosureViewer, type PackAnnexRow } from '@mutualis/core';
import { buildConventionInput } from './build-convention-input';
import type { GroupementDossier } from './load-groupement-dossier';

/**
 * Loads what one member's assembly pack is composed from: every member's annex row (quantities and
 * maximum, as the convention annex states them), this member's own needs, and the convention's
 * duration, costs and commission (the same as the convention document's). `viewer` reads the pack.
 */
export function buildAssemblyPackInput(dossier: GroupementDossier, memberId: string, viewer: DisclosureViewer): AssemblyPackInput {
  const { groupement, opportunity, analysis } = dossier;
  if (!groupement.memberIds.includes(memberId)) throw new DomainError('not_found', 'Cette organisation n’est pas membre du groupement.');
  const convention = buildConventionInput(dossier);
  const needsById = new Map(analysis.data.needs.map((n) => [n.id, n]));
  // The convention's own annex figures (maximum rounded up, quantities per unit): the pack repeats them as they are.
  const annex = convention.parties.map(
    (party): PackAnnexRow => ({
      organizationId: party.organization.id,
      name: party.organization.name,
      siret: party.organization.siret,
      kind: party.organization.kind,
      annualQuantity: party.annualQuantities ?? '',
      maximumCents: party.estimatedAmountCents,
    }),
  );
  const needIds = new Set(opportunity?.members.find((m) => m.organizationId === memberId)?.needIds ?? []);
  const needs = [...needIds]
    .flatMap((id) => needsById.get(id) ?? [])
    .map((n) => ({
      label: n.label,
      cpvCode: n.cpvCode,
      quantity: n.quantity,
      unit: n.unit,
      unitPriceCents: n.unitPriceCents,
      annualAmountCents: n.annualAmountCents,
      isConfirmed: n.status === 'confirmed',
    }));
  return {
    at: analysis.result.now,
    groupement: {
      name: groupement.name,
      familyName: dossier.family.name,
      cpvCodes: dossier.family.cpvCodes,
      isPermanent: groupement.isPermanent,
      mandateScope: groupement.mandateScope,
      coordinatorIds: groupement.coordinatorIds,
      durationMonths: convention.durationMonths,
      procedureCostCents: convention.procedureCostCents,
      withdrawalNoticeMonths: convention.withdrawalNoticeMonths,
    },
    annex,
    memberId,
    needs,
    opportunity,
    commission: convention.commission,
    tenderCommission: convention.tenderCommission,
    viewer,
  };
}
