/** Options of the R2113-1 clause. */
export interface BuildMaxLotsClauseOptions {
  lotCount: number;
  maxLotsPerBidder: number | null;
}

/**
 * The consultation-document clause R2113-1 requires: may a bid cover one, several or all lots; the
 * maximum number of lots one bidder may win (L2113-10 al. 3); and the rule applied when the award
 * criteria would exceed it (cascade, upheld by TA Lyon 1 Aug 2025 n° 2508780).
 */
export function buildMaxLotsClause({ lotCount, maxLotsPerBidder }: BuildMaxLotsClauseOptions): string {
  if (lotCount <= 1) return 'Marché en lot unique : la clause de limitation du nombre de lots (article R2113-1) est sans objet.';
  const bids = `Les candidats peuvent présenter une offre pour un, plusieurs ou l’ensemble des ${lotCount} lots (article R2113-1 du code de la commande publique).`;
  if (maxLotsPerBidder === null || maxLotsPerBidder >= lotCount) {
    return `${bids} Aucun nombre maximal de lots pouvant être attribués à un même opérateur économique n’est fixé.`;
  }
  const m = Math.max(1, Math.floor(maxLotsPerBidder));
  const plural = m > 1 ? 's' : '';
  return (
    `${bids} Un même opérateur économique, seul ou en groupement, ne peut se voir attribuer plus de ${m} lot${plural} (article L2113-10). ` +
    `Si l’application des critères d’attribution conduit à classer premier un même soumissionnaire sur plus de ${m} lot${plural}, ` +
    `les lots lui sont attribués dans l’ordre décroissant de leur montant estimé, jusqu’à ${m} lot${plural} ; ` +
    'chacun des lots restants est attribué au soumissionnaire dont l’offre est classée immédiatement après sur ce lot (règle de cascade).'
  );
}
