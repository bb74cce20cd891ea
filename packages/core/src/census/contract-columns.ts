import type { ContractNature } from '../domain/types';

/** The sheet of the census workbook where a buyer lists its running contracts. */
export const CONTRACTS_SHEET = 'Contrats en cours';

/** The columns of the running-contracts sheet, in template order, with their French headers. */
export const CONTRACT_COLUMNS = [
  { key: 'organizationSiret', header: 'Organisation (SIRET)' },
  { key: 'reference', header: 'Référence du contrat' },
  { key: 'cpvCode', header: 'Code CPV' },
  { key: 'label', header: 'Objet' },
  { key: 'holderSiret', header: 'Titulaire (SIRET)' },
  { key: 'holderName', header: 'Titulaire (nom)' },
  { key: 'notificationDate', header: 'Date de notification (jj/mm/aaaa)' },
  { key: 'startDate', header: 'Début d’exécution (jj/mm/aaaa)' },
  { key: 'durationMonths', header: 'Durée initiale (mois)' },
  { key: 'renewalCount', header: 'Reconductions prévues' },
  { key: 'renewalMonths', header: 'Durée d’une reconduction (mois)' },
  { key: 'renewalsUsed', header: 'Reconductions déjà exercées' },
  { key: 'noticeMonths', header: 'Préavis de non-reconduction (mois)' },
  { key: 'amount', header: 'Montant total HT (€)' },
  { key: 'nature', header: 'Nature' },
] as const;

export type ContractColumnKey = (typeof CONTRACT_COLUMNS)[number]['key'];

/** Columns a running-contracts sheet must have. */
export const REQUIRED_CONTRACT_COLUMNS: readonly ContractColumnKey[] = [
  'organizationSiret',
  'reference',
  'cpvCode',
  'label',
  'startDate',
  'durationMonths',
];

/** French words for the contract natures, as shown in drop-down lists. */
export const CONTRACT_NATURE_LABELS_FR: Record<ContractNature, string> = {
  marche: 'marché',
  accord_cadre: 'accord-cadre',
};
