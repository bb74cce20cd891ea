import type { ApiIssue } from '../api/types';

/** The award form's fields, as the errors next to them name them. */
export type AwardField =
  | 'lotLabel'
  | 'holderSiret'
  | 'holderName'
  | 'holderDepartementCode'
  | 'price'
  | 'awardedOn'
  | 'startOn'
  | 'durationMonths';

export type AwardErrors = Partial<Record<AwardField, string>>;

export interface AwardDraft {
  lotLabel: string;
  holderSiret: string;
  holderName: string;
  holderDepartementCode: string;
  priceKind: 'unit' | 'amount';
  /** Euros as typed, '' when empty. */
  price: number | string;
  awardedOn: string;
  startOn: string;
  durationMonths: number | string;
}

const DEPARTEMENT = /^(\d{2}|2[AB]|97\d)$/;

/**
 * The award form's own checks, in the words of the form: an empty field is « obligatoire », a
 * price must be above zero, a SIRET has 14 digits. The server checks again (and the SIRET key).
 */
export function checkAwardDraft(draft: AwardDraft): AwardErrors {
  const errors: AwardErrors = {};
  const siret = draft.holderSiret.replace(/\s/g, '');
  const priceName = draft.priceKind === 'unit' ? 'Le prix unitaire' : 'Le montant annuel';
  if (draft.lotLabel.trim() === '') errors.lotLabel = 'Le nom du lot est obligatoire.';
  if (siret === '') errors.holderSiret = 'Le SIRET du titulaire est obligatoire.';
  else if (!/^\d{14}$/.test(siret)) errors.holderSiret = `Un SIRET compte 14 chiffres (${siret.length} saisis).`;
  if (draft.holderName.trim() === '') errors.holderName = 'La raison sociale du titulaire est obligatoire.';
  const departement = draft.holderDepartementCode.trim().toUpperCase();
  if (departement !== '' && !DEPARTEMENT.test(departement))
    errors.holderDepartementCode = 'Numéro de département : 2 chiffres (ex. 16), 2A, 2B ou 971 à 976.';
  if (draft.price === '' || typeof draft.price !== 'number') errors.price = `${priceName} est obligatoire.`;
  else if (draft.price <= 0) errors.price = `${priceName} doit être supérieur à zéro.`;
  if (draft.awardedOn === '') errors.awardedOn = 'La date d’attribution est obligatoire.';
  if (draft.startOn === '') errors.startOn = 'La date de début est obligatoire.';
  else if (draft.awardedOn !== '' && draft.startOn < draft.awardedOn) errors.startOn = 'Le marché ne peut commencer avant son attribution.';
  const months = Number(draft.durationMonths);
  if (draft.durationMonths === '' || !Number.isInteger(months) || months < 1 || months > 120)
    errors.durationMonths = 'Durée obligatoire : un nombre entier de mois, de 1 à 120.';
  return errors;
}

const FIELD_OF_PATH: Record<string, AwardField> = {
  lotLabel: 'lotLabel',
  holderSiret: 'holderSiret',
  holderName: 'holderName',
  holderDepartementCode: 'holderDepartementCode',
  unitPriceCents: 'price',
  amountCents: 'price',
  awardedOn: 'awardedOn',
  startOn: 'startOn',
  durationMonths: 'durationMonths',
};

/**
 * Places the server's refusals next to their fields: `lots.0.unitPriceCents` is the price field.
 * What names no field of the form (a lot already awarded, essential data) stays in `other`.
 */
export function placeAwardIssues(issues: readonly ApiIssue[]): { fields: AwardErrors; other: string[] } {
  const fields: AwardErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const path = issue.field.replace(/^lots\.\d+\./, '');
    const field = FIELD_OF_PATH[path];
    if (field) fields[field] ??= issue.reason;
    else other.push(issue.reason);
  }
  return { fields, other };
}
