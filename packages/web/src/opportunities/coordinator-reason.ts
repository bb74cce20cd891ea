import type { OpportunityDetail } from './opportunity-types';

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

/**
 * Why this member coordinates, from what the proposal weighs (core/coordinator): its share of the
 * pooled amount, a running contract in the family (experience), and a balanced load across the territory.
 */
export function coordinatorReason(detail: OpportunityDetail): string {
  const { coordinator } = detail;
  if (coordinator.isOverride) return 'Choisi par l’animateur du territoire, à la place de la proposition automatique.';
  const member = detail.members.find((m) => m.organizationId === coordinator.organizationId);
  const largest = detail.members.every((m) => m.share === null || (member?.share ?? 0) >= m.share);
  const hasContract = detail.runningContracts.some((c) => c.organizationId === coordinator.organizationId);
  const reasons = [
    member?.share != null
      ? `il porte ${percent.format(member.share)} du montant mutualisé${largest ? ' (la plus grande part)' : ''}`
      : null,
    hasContract ? 'il a déjà un marché de cette famille (il connaît le produit et les fournisseurs)' : null,
  ].filter((r): r is string => r !== null);
  const why = reasons.length > 0 ? `Proposé parce qu’${reasons.join(' et qu’')}. ` : '';
  return `${why}La proposition répartit aussi la charge de coordination entre les membres du territoire, pour qu’aucun ne coordonne trop de groupements à la fois.`;
}
