import type { MandateScope, NeedConfidence, OrganizationKind } from '@mutualis/core';

/** Short French names of the mandate models (DAJ 2019 fiche "La mutualisation des achats"). */
export const MANDATE_SCOPE_LABELS: Record<MandateScope, string> = {
  procedure: 'Passation seule (chaque membre signe, notifie et exécute son marché)',
  procedure_signature: 'Passation, signature et notification (chaque membre exécute sa part)',
  procedure_signature_execution: 'Passation, signature, notification et exécution (mandat intégral)',
};

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  departement: 'Département',
  region: 'Région',
  commune: 'Commune',
  epci: 'EPCI',
  hospital: 'Établissement public de santé',
  state: 'Service de l’État',
  other_public: 'Autre acheteur public',
  sme: 'PME',
  large_company: 'Grande entreprise',
  association: 'Association',
};

export const CONFIDENCE_LABELS: Record<NeedConfidence, string> = { firm: 'ferme', estimated: 'estimé', indicative: 'indicatif' };

/** Cents as a plain French decimal for CSV cells: 123456 → "1234,56" (no thousands separator, re-importable). */
export function centsToCsv(cents: number | null): string {
  if (cents === null) return '';
  return `${Math.trunc(cents / 100)},${String(Math.abs(cents % 100)).padStart(2, '0')}`;
}

/** A number as a French decimal: 2.5 → "2,5". */
export function numberToCsv(value: number | null): string {
  return value === null ? '' : String(value).replace('.', ',');
}
