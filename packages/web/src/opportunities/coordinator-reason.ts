import type { CoordinatorBoard, OpportunityDetail } from './opportunity-types';

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

/**
 * Why this member coordinates, from what the proposal weighs (core/coordinator): its share of the
 * pooled amount, a running contract in the family (experience), and a balanced load across the
 * territory — told with the groupements the largest member already coordinates when it was passed over.
 */
export function coordinatorReason(detail: OpportunityDetail, board: CoordinatorBoard | null): string {
  const { coordinator } = detail;
  if (coordinator.isOverride) return 'Choisi par l’animateur du territoire, à la place de la proposition automatique.';
  const member = detail.members.find((m) => m.organizationId === coordinator.organizationId);
  const largest = [...detail.members].sort((a, b) => (b.share ?? -1) - (a.share ?? -1))[0];
  const isLargest = largest === undefined || largest.share === null || largest.organizationId === coordinator.organizationId;
  const hasContract = detail.runningContracts.some((c) => c.organizationId === coordinator.organizationId);
  const reasons = [
    member?.share != null
      ? `il porte ${percent.format(member.share)} du montant mutualisé${isLargest ? ' (la plus grande part)' : ''}`
      : null,
    hasContract ? 'il a déjà un marché de cette famille (il connaît le produit et les fournisseurs)' : null,
  ].filter((r): r is string => r !== null);
  const why = reasons.length > 0 ? `Proposé parce qu’${reasons.join(' et qu’')}. ` : '';
  const elsewhere =
    !isLargest && largest && board
      ? board.items.filter((i) => i.opportunityId !== detail.id && i.coordinator.organizationId === largest.organizationId)
      : [];
  if (largest?.share != null && elsewhere.length > 0)
    return `${why}${largest.name}, qui porte la plus grande part (${percent.format(largest.share)}), coordonne déjà ${elsewhere.map((i) => `« ${i.family.label} »`).join(', ')} : la proposition répartit la charge de coordination entre les membres.`;
  return `${why}La proposition répartit aussi la charge de coordination entre les membres du territoire, pour qu’aucun ne coordonne trop de groupements à la fois.`;
}
