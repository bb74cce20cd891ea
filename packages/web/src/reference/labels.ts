import type { NeedConfidence, NeedSource, NeedStatus, OrganizationKind, Role } from '../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  facilitator: 'Animateur du territoire',
  member: 'Acheteur membre',
  supplier: 'Entreprise',
  observer: 'Observateur',
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  departement: 'Département',
  region: 'Région',
  commune: 'Commune',
  epci: 'Intercommunalité (EPCI)',
  hospital: 'Établissement de santé',
  state: 'Service de l’État',
  other_public: 'Autre acheteur public',
  sme: 'PME',
  large_company: 'Grande entreprise',
  association: 'Association',
};

export const CONFIDENCE_LABELS: Record<NeedConfidence, string> = {
  firm: 'Ferme',
  estimated: 'Estimé',
  indicative: 'Indicatif',
};

export const CONFIDENCE_HINTS: Record<NeedConfidence, string> = {
  firm: 'Besoin engagé, quantités connues',
  estimated: 'Chiffré d’après les consommations passées',
  indicative: 'Ordre de grandeur, à confirmer',
};

export const STATUS_LABELS: Record<NeedStatus, string> = {
  confirmed: 'confirmé',
  proposed: 'proposé',
  rejected: 'rejeté',
};

export const SOURCE_LABELS: Record<NeedSource, string> = {
  manual: 'Saisie manuelle',
  spreadsheet: 'Import tableur',
  decp: 'Données essentielles (DECP)',
};

/** Common CSR clauses offered as suggestions; buyers may type their own. */
export const CSR_SUGGESTIONS = [
  'Clause sociale d’insertion',
  'Clause environnementale',
  'Produits biologiques',
  'Circuit court',
  'Écolabel européen',
  'Produits issus du commerce équitable',
  'Matériaux recyclés',
  'Réservé aux structures de l’ESS',
];

const PUBLIC_BUYER_KINDS: readonly OrganizationKind[] = ['departement', 'region', 'commune', 'epci', 'hospital', 'state', 'other_public'];

/** Public buyers (acheteurs) under the Code de la commande publique, as opposed to firms and associations. */
export function isPublicBuyer(kind: OrganizationKind): boolean {
  return PUBLIC_BUYER_KINDS.includes(kind);
}
