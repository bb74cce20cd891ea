import { formatNumberFr, formatShareFr } from '../sourcing/format-quantity-fr';
import type { JustificationGround, SingleLotJustification } from './types';

export interface JustifySingleLotOptions {
  /** The demand has one site and one sub-family: no distinct services can be identified. */
  isIndivisible: boolean;
  savingsCents: number;
  /** Savings of the best structure in several lots, null when none exists. */
  bestSplitSavingsCents: number | null;
  /** Accessible share of the single lot and the best one any split reaches. */
  singleAccessibleShare: number;
  bestSplitAccessibleShare: number | null;
  eligibleFirmCount: number;
  isAdjudicatingEntity: boolean;
}

/**
 * The reasons in law and fact L2113-11 requires when a marché is not divided into lots: 1° the buyer
 * cannot organise, steer and coordinate the lots; 2° lots would restrict competition or make
 * execution technically difficult or financially more costly; 3° (entités adjudicatrices only) lots
 * risk an unsuccessful procedure. Only 2° can be read from the data; 1° and 3° are left to the buyer.
 */
export function justifySingleLot(options: JustifySingleLotOptions): SingleLotJustification {
  const grounds: JustificationGround[] = [
    {
      article: 'L2113-10',
      applies: options.isIndivisible ? 'yes' : 'no',
      reason: options.isIndivisible
        ? 'Le besoin porte sur un seul produit livré en un seul lieu : son objet ne permet pas d’identifier des prestations distinctes.'
        : 'Le besoin comporte plusieurs produits ou plusieurs lieux de livraison : des prestations distinctes sont identifiables.',
    },
    {
      article: 'L2113-11 1°',
      applies: 'to_assess',
      reason:
        'À apprécier par l’acheteur : il ne serait pas en mesure d’assurer lui-même les missions d’organisation, de pilotage et de coordination de plusieurs lots.',
    },
    costGround(options),
    {
      article: 'L2113-11 3°',
      applies: options.isAdjudicatingEntity ? 'to_assess' : 'no',
      reason: options.isAdjudicatingEntity
        ? 'À apprécier par l’entité adjudicatrice : la dévolution en lots séparés risquerait de rendre la procédure infructueuse.'
        : 'Motif réservé aux entités adjudicatrices.',
    },
  ];
  const retained = grounds.filter((g) => g.applies === 'yes');
  const text = [
    'Justification du recours à un marché non alloti (articles L2113-10 et L2113-11 du code de la commande publique).',
    retained.length > 0
      ? `Motif${retained.length > 1 ? 's' : ''} retenu${retained.length > 1 ? 's' : ''} : ${retained.map((g) => `${g.article} — ${g.reason}`).join(' ')}`
      : 'Aucun motif ne ressort des données : l’acheteur doit établir lui-même l’un des motifs de l’article L2113-11 ou allotir.',
    ...grounds.filter((g) => g.applies === 'to_assess').map((g) => `${g.article} : ${g.reason}`),
    'Ces motifs, de droit et de fait, figurent dans les documents de la consultation (procédure adaptée, R2113-2) ou dans le rapport de présentation (procédure formalisée, R2113-3).',
  ].join('\n');
  return { grounds, text };
}

function costGround(o: JustifySingleLotOptions): JustificationGround {
  const article = 'L2113-11 2°';
  if (o.bestSplitSavingsCents === null || o.bestSplitAccessibleShare === null) {
    return { article, applies: 'no', reason: 'Aucun découpage n’est possible dans la hiérarchie géographique et de produits.' };
  }
  const loss = o.savingsCents - o.bestSplitSavingsCents;
  const noAccessGain = o.bestSplitAccessibleShare <= o.singleAccessibleShare + 1e-9;
  if (loss > 0 && noAccessGain) {
    const firms =
      o.eligibleFirmCount > 0
        ? `${o.eligibleFirmCount} entreprise${o.eligibleFirmCount > 1 ? 's' : ''} locale${o.eligibleFirmCount > 1 ? 's' : ''} reste${o.eligibleFirmCount > 1 ? 'nt' : ''} en mesure de répondre au lot unique`
        : 'aucun découpage ne permettrait à davantage d’entreprises locales de répondre';
    return {
      article,
      applies: 'yes',
      reason:
        `la dévolution en lots séparés serait financièrement plus coûteuse : le meilleur allotissement ferait perdre environ ${formatNumberFr(loss / 100)} € d’économies estimées par an ` +
        `(modèle prix-volume, part accessible ${formatShareFr(o.bestSplitAccessibleShare)} contre ${formatShareFr(o.singleAccessibleShare)} en lot unique) ; ${firms}.`,
    };
  }
  return {
    article,
    applies: 'to_assess',
    reason:
      'Un allotissement améliorerait l’accès des entreprises locales ou coûterait peu : le surcoût ou la difficulté technique doivent être démontrés par l’acheteur.',
  };
}
