import { foldText } from '../cpv/cpv-catalog';
import type { OrganizationKind } from '../domain/types';
import { sirenOf } from '../identity/siret';

const NAME_RULES: [RegExp, OrganizationKind][] = [
  [/\b(centre hospitalier|hopital|hospitalier|chu|chr|ehpad|ap-hp)\b/, 'hospital'],
  [/\b(conseil departemental|departement|conseil general)\b/, 'departement'],
  [/\b(conseil regional|region)\b/, 'region'],
  [/\b(communaute|metropole|agglomeration|syndicat|sivom|sivu|smictom|pays)\b/, 'epci'],
  [/\b(commune|mairie|ville)\b/, 'commune'],
];

/**
 * Best guess of a buyer's kind from its published name, then from its SIREN: legal units of the
 * State start with 1 (INSEE catégorie juridique 71xx is not in the SIREN, so this is a heuristic).
 * Without SIRENE the kind stays a guess the facilitator can correct; default `other_public`.
 */
export function guessBuyerKind(siret: string, name: string | null): OrganizationKind {
  return kindFromName(name ?? '') ?? (sirenOf(siret).startsWith('1') ? 'state' : 'other_public');
}

/** The kind a buyer's name says (« Centre hospitalier… », « Département… », « Communauté… », « Mairie… »), or null. */
export function kindFromName(name: string): OrganizationKind | null {
  const folded = foldText(name);
  for (const [pattern, kind] of NAME_RULES) if (pattern.test(folded)) return kind;
  return null;
}
