import type { Commune, Need, NeedConfidence, NeedCreateBody, NeedPatchBody } from '../api/types';
import { centsToEuros, eurosToCents } from '../format/money';
import { isPackUnit, isUnitCode } from '../reference/units';

export interface NeedFormValues {
  cpvCode: string;
  label: string;
  quantity: number | null;
  unit: string | null;
  unitsPerPack: number | null;
  unitPriceEuros: number | null;
  /** Null while the buyer lets the amount derive from quantity × unit price. */
  annualAmountEuros: number | null;
  deliveryCommunes: Commune[];
  csrRequirements: string[];
  qualityRequirements: string;
  confidence: NeedConfidence;
}

export type NeedFormField = keyof NeedFormValues;

export const EMPTY_NEED_FORM: NeedFormValues = {
  cpvCode: '',
  label: '',
  quantity: null,
  unit: null,
  unitsPerPack: null,
  unitPriceEuros: null,
  annualAmountEuros: null,
  deliveryCommunes: [],
  csrRequirements: [],
  qualityRequirements: '',
  confidence: 'estimated',
};

export function formValuesFromNeed(need: Need): NeedFormValues {
  return {
    cpvCode: need.cpvCode,
    label: need.label,
    quantity: need.quantity,
    unit: need.unit,
    unitsPerPack: need.unitsPerPack,
    unitPriceEuros: centsToEuros(need.unitPriceCents),
    annualAmountEuros: need.amountIsDerived ? null : centsToEuros(need.annualAmountCents),
    deliveryCommunes: need.deliveryCommunes.map((code) => ({ code, name: code, departementCode: '' })),
    csrRequirements: need.csrRequirements,
    qualityRequirements: need.qualityRequirements,
    confidence: need.confidence,
  };
}

/** Quantity × unit price in cents, or null when either is missing. */
export function derivedAmountCents(values: Pick<NeedFormValues, 'quantity' | 'unitPriceEuros'>): number | null {
  const priceCents = eurosToCents(values.unitPriceEuros);
  if (values.quantity === null || priceCents === null) return null;
  return Math.round(values.quantity * priceCents);
}

/** "30197630-1" and "30 19 76 30" are both typed by buyers; the API wants the 8 digits. */
export function normalizeCpvCode(typed: string): string {
  const trimmed = typed.trim().replace(/\s+/g, '');
  return trimmed.replace(/^(\d{8})-\d$/, '$1');
}

/** The fields of a need as PATCH wants them; POST adds the organization. */
export function needPatchFromForm(values: NeedFormValues): NeedPatchBody & Pick<NeedCreateBody, 'cpvCode' | 'label'> {
  return {
    cpvCode: normalizeCpvCode(values.cpvCode),
    label: values.label.trim(),
    quantity: values.quantity,
    unit: values.unit !== null && isUnitCode(values.unit) ? values.unit : null,
    unitsPerPack: isPackUnit(values.unit) ? values.unitsPerPack : null,
    unitPriceCents: eurosToCents(values.unitPriceEuros),
    annualAmountCents: eurosToCents(values.annualAmountEuros),
    deliveryCommunes: values.deliveryCommunes.map((commune) => commune.code),
    csrRequirements: values.csrRequirements,
    qualityRequirements: values.qualityRequirements.trim(),
    confidence: values.confidence,
  };
}

const API_FIELD_TO_FORM: Record<string, NeedFormField> = {
  cpvCode: 'cpvCode',
  label: 'label',
  quantity: 'quantity',
  unit: 'unit',
  unitsPerPack: 'unitsPerPack',
  unitPriceCents: 'unitPriceEuros',
  annualAmountCents: 'annualAmountEuros',
  deliveryCommunes: 'deliveryCommunes',
  csrRequirements: 'csrRequirements',
  qualityRequirements: 'qualityRequirements',
  confidence: 'confidence',
};

export function formFieldForApiField(apiField: string): NeedFormField | null {
  return API_FIELD_TO_FORM[apiField] ?? null;
}
