import type { UnitCode } from '../units/units';
import { formatNumberFr, formatQuantityFr, formatShareFr } from './format-quantity-fr';
import type { SiteReach } from './types';

/** R2111-1: sourcing informs the buyer before the procedure; it must never read as an award criterion. */
export const SOURCING_NOTICE_FR =
  'Sourcing (article R2111-1 du code de la commande publique) : ces informations préparent le dialogue avec les entreprises ' +
  'et la définition du besoin ; elles ne constituent ni un critère d’attribution ni une préférence locale.';

const SUFFIX = ' (sourcing R2111-1, pas un critère d’attribution)';

/** Appended to a firm's explanation when it is placed at its département's centroid, not its commune. */
export const DEPARTEMENT_POSITION_FR = 'Position : centre de son département (commune sans coordonnées), distances approchées.';

export type FirmExplanationInput =
  | {
      kind: 'direct';
      match: 'exact' | 'class';
      productLabel: string;
      capacity: number | null;
      share: number;
      unit: UnitCode;
      reach: SiteReach;
      siteCount: number;
      radiusKm: number;
    }
  | {
      kind: 'producer';
      covered: readonly string[];
      missing: readonly string[];
      capacity: number | null;
      estimated: boolean;
      share: number;
      unit: UnitCode;
      reach: SiteReach;
      siteCount: number;
      radiusKm: number;
    }
  | {
      kind: 'input';
      productLabel: string;
      inputLabel: string;
      capacity: number | null;
      share: number;
      unit: UnitCode;
      nearestProducerKm: number | null;
    };

/** The French sentence shown next to a firm in the sourcing view. */
export function explainSourcingFirm(input: FirmExplanationInput): string {
  switch (input.kind) {
    case 'direct': {
      const what =
        input.match === 'exact'
          ? `propose déjà ${input.productLabel}`
          : `propose un produit voisin (même classe CPV) : ${input.productLabel}`;
      return `${what}. ${capacityText(input.capacity, false, input.share, input.unit)} ; ${reachText(input.reach, input.siteCount, input.radiusKm)}${SUFFIX}.`;
    }
    case 'producer': {
      const total = input.covered.length + input.missing.length;
      const covered = input.covered.length > 0 ? ` : ${input.covered.map(lowerFirst).join(', ')}` : '';
      const missing =
        input.missing.length > 0 ? ` ; manque : ${input.missing.map(lowerFirst).join(', ')}` : ' ; aucune compétence ne manque';
      return (
        `couvre ${input.covered.length} compétence${input.covered.length > 1 ? 's' : ''} sur ${total}${covered}${missing}. ` +
        `${capacityText(input.capacity, input.estimated, input.share, input.unit)} ; ${reachText(input.reach, input.siteCount, input.radiusKm)}${SUFFIX}.`
      );
    }
    case 'input': {
      const distance =
        input.nearestProducerKm === null ? '' : ` ; à ${formatNumberFr(input.nearestProducerKm)} km du producteur potentiel le plus proche`;
      return `peut fournir « ${input.inputLabel} » (${input.productLabel}). ${capacityText(input.capacity, false, input.share, input.unit, 'du besoin en intrant')}${distance}${SUFFIX}.`;
    }
  }
}

function capacityText(capacity: number | null, estimated: boolean, share: number, unit: UnitCode, of = 'du volume groupé'): string {
  if (capacity === null) return 'Capacité non comparable (unités différentes)';
  return `Capacité${estimated ? ' estimée' : ''} ${formatQuantityFr(capacity, unit)}/an, soit ${formatShareFr(share)} ${of}`;
}

function reachText(reach: SiteReach, siteCount: number, radiusKm: number): string {
  const radius = `rayon de livraison ${formatNumberFr(radiusKm)} km, site le plus loin à ${formatNumberFr(reach.maxDistanceKm)} km`;
  if (reach.reachesAllSites) return `livre ${siteCount > 1 ? `les ${siteCount} sites` : 'le site'} de livraison (${radius})`;
  return `atteint ${reach.sitesReached} site${reach.sitesReached > 1 ? 's' : ''} de livraison sur ${siteCount} (${radius})`;
}

/** "Formulation de liquides" → "formulation de liquides"; acronyms ("BPF …") stay as they are. */
function lowerFirst(label: string): string {
  if (/^\p{Lu}{2}/u.test(label)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
