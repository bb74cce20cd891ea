import { formatEuros } from '@mutualis/core';
import type { ConventionArticle, ConventionBlock } from './convention-document';
import type { ConventionInput } from './convention-input';

const p = (text: string): ConventionBlock => ({ kind: 'paragraph', text });

/**
 * The annex every signatory reads: each member's forecast quantities and maximum over the whole
 * duration. Candidates must know the quantities per member; the maxima bound each member's
 * commitment (R2121-8). No unit price and no running-contract amount is written here.
 */
export function quantitiesAnnexArticle(input: ConventionInput): Omit<ConventionArticle, 'number'> {
  const rows = input.parties.map((party) => [
    party.organization.name,
    party.annualQuantities === undefined || party.annualQuantities === '' ? 'montants seulement' : party.annualQuantities,
    formatEuros(party.estimatedAmountCents),
  ]);
  const total = input.parties.reduce((sum, party) => sum + party.estimatedAmountCents, 0);
  return {
    title: 'Annexe : quantités prévisionnelles et montants maximums des membres',
    blocks: [
      p(
        'Chaque membre s’engage pour ses besoins propres dans la limite des quantités annuelles prévisionnelles et du montant maximum hors taxes ci-dessous, sur toute la durée des marchés, reconductions comprises (articles R2121-1 et R2121-8 du Code de la commande publique). Ces éléments sont portés à la connaissance des candidats.',
      ),
      {
        kind: 'table',
        header: ['Membre', 'Quantités annuelles prévisionnelles', 'Montant maximum HT'],
        rows: [...rows, ['Total', '', formatEuros(total)]],
        widths: [4, 3, 2],
      },
      p(
        'Le montant maximum de chaque membre est son estimation arrondie au supérieur à deux chiffres significatifs ; les prix unitaires des membres et les montants de leurs marchés en cours ne figurent pas dans la convention.',
      ),
    ],
  };
}
