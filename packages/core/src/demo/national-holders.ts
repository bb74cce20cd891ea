import { buildSiret } from '../identity';

/**
 * Fictional firms outside the demo territories that hold some of the running contracts
 * (national distributors), so the demo shows that local firms hold only part of the market.
 * SIRETs are fictional (SIREN prefixes 9710000x), valid by construction.
 */
export const NATIONAL_HOLDERS = {
  salt: { name: 'Sels et Routes de France SA', siret: buildSiret('97100001', '0001') },
  office: { name: 'Fournitures Publiques de France SAS', siret: buildSiret('97100002', '0001') },
  paper: { name: 'Papiers Administratifs Européens SA', siret: buildSiret('97100003', '0001') },
  ppe: { name: 'Protection Travail Distribution SAS', siret: buildSiret('97100004', '0001') },
  printing: { name: 'Arts Graphiques de Lorraine SA', siret: buildSiret('97100005', '0001') },
  hygiene: { name: 'Hygiène Collectivités France SAS', siret: buildSiret('97100006', '0001') },
  pharma: { name: 'Laboratoires Hygiapharm SAS', siret: buildSiret('97100007', '0001') },
  energy: { name: 'Énergies Publiques Fourniture SA', siret: buildSiret('97100008', '0001') },
} as const satisfies Record<string, { name: string; siret: string }>;

export type NationalHolderKey = keyof typeof NATIONAL_HOLDERS;

/** True when a holder key names a national holder rather than a firm of the territory. */
export function isNationalHolderKey(key: string): key is NationalHolderKey {
  return Object.hasOwn(NATIONAL_HOLDERS, key);
}
