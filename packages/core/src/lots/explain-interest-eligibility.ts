import { formatQuantityFr } from '../sourcing/format-quantity-fr';
import { FRENCH_UNITS } from '../units/french-units';
import { toBaseQuantity, type UnitCode } from '../units/units';

export interface ExplainInterestEligibilityOptions {
  /** The firm's declared annual capacity, in `unit`. */
  capacity: number;
  unit: UnitCode;
  /** The lot's published annual volume, in its base unit; null when not published. */
  lotVolume: number | null;
  lotUnit: UnitCode | null;
}

export interface InterestEligibility {
  /** The capacity covers the lot's volume: the firm counts as eligible in the lot designer. */
  coversLot: boolean;
  /** Why, in French, with both quantities. */
  reason: string;
}

/**
 * Whether a firm's declared capacity makes it eligible for a lot (it covers the published annual
 * volume, compared in the lot's base unit), and why, in the words shown to the firm and the facilitator.
 */
export function explainInterestEligibility({ capacity, unit, lotVolume, lotUnit }: ExplainInterestEligibilityOptions): InterestEligibility {
  if (lotVolume === null || lotUnit === null) {
    return { coversLot: false, reason: 'Le volume du lot n’est pas publié : la capacité ne peut pas encore lui être comparée.' };
  }
  const declared = toBaseQuantity(capacity, unit, null);
  const volume = formatQuantityFr(lotVolume, lotUnit);
  if (!declared.ok || declared.unit !== lotUnit) {
    return {
      coversLot: false,
      reason: `Capacité déclarée en ${FRENCH_UNITS[unit].plural}, lot compté en ${FRENCH_UNITS[lotUnit].plural} : déclarez la capacité dans l’unité du lot pour qu’elle lui soit comparée.`,
    };
  }
  const own = formatQuantityFr(declared.quantity, lotUnit);
  if (declared.quantity >= lotVolume) {
    return { coversLot: true, reason: `Éligible : la capacité déclarée (${own} par an) couvre le volume du lot (${volume} par an).` };
  }
  const share = Math.floor((declared.quantity / lotVolume) * 100);
  return {
    coversLot: false,
    reason: `Non éligible seul : la capacité déclarée (${own} par an) couvre ${share}\u00a0% du volume du lot (${volume} par an) ; un groupement d’entreprises ou une sous-traitance peut compléter.`,
  };
}
