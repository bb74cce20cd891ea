import type { NeedConfidence } from '../domain/types';

/** The columns of the census of needs, in template order, with their French headers. */
export const CENSUS_COLUMNS = [
  { key: 'organizationSiret', header: 'Organisation (SIRET)' },
  { key: 'cpvCode', header: 'Code CPV' },
  { key: 'label', header: 'Libellé' },
  { key: 'quantity', header: 'Quantité annuelle' },
  { key: 'unit', header: 'Unité' },
  { key: 'unitsPerPack', header: 'Unités par conditionnement' },
  { key: 'unitPrice', header: 'Prix unitaire HT (€)' },
  { key: 'annualAmount', header: 'Montant annuel HT (€)' },
  { key: 'deliveryCommunes', header: 'Communes de livraison (codes INSEE séparés par des virgules)' },
  { key: 'csrRequirements', header: 'Exigences RSE' },
  { key: 'qualityRequirements', header: 'Exigences qualité' },
  { key: 'confidence', header: 'Confiance' },
] as const;

export type CensusColumnKey = (typeof CENSUS_COLUMNS)[number]['key'];

/** Columns a census file must have; amounts are checked row by row. */
export const REQUIRED_CENSUS_COLUMNS: readonly CensusColumnKey[] = ['organizationSiret', 'cpvCode', 'label'];

/** French words for the confidence levels, as shown in drop-down lists. */
export const CONFIDENCE_LABELS_FR: Record<NeedConfidence, string> = {
  firm: 'ferme',
  estimated: 'estimé',
  indicative: 'indicatif',
};

/** Separator between a code and its label in drop-down values ("kg – kilogramme"). */
export const CHOICE_SEPARATOR = ' – ';

/** Spreadsheet column letter of a zero-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
