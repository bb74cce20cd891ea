import type { ApiIssue } from '../api/types';
import type { PurchaseFamily, PurchaseFamilyBody } from './family-types';

export type FamilyFormField = 'name' | 'cpvCodes' | 'keywords' | 'low' | 'central' | 'high' | 'provenance';

export interface FamilyFormValues {
  name: string;
  cpvCodes: string[];
  keywords: string[];
  low: number | null;
  central: number | null;
  high: number | null;
  provenance: string;
}

export const EMPTY_FAMILY: FamilyFormValues = {
  name: '',
  cpvCodes: [],
  keywords: [],
  low: null,
  central: null,
  high: null,
  provenance: '',
};

export function familyToForm(family: PurchaseFamily): FamilyFormValues {
  const { low, central, high, provenance } = family.elasticity;
  return { name: family.name, cpvCodes: family.cpvCodes, keywords: family.keywords, low, central, high, provenance };
}

/** The body the API validates (its rules give the field errors); null while an elasticity value is empty. */
export function familyBodyFromForm(values: FamilyFormValues): PurchaseFamilyBody | null {
  const { low, central, high, provenance } = values;
  if (low === null || central === null || high === null) return null;
  return { name: values.name, cpvCodes: values.cpvCodes, keywords: values.keywords, elasticity: { low, central, high, provenance } };
}

const FIELDS: readonly FamilyFormField[] = ['name', 'cpvCodes', 'keywords', 'low', 'central', 'high', 'provenance'];

/** The elasticity's values are fields of their own in the form: `elasticity.central` → `central`. */
export function flattenElasticityIssues(issues: ApiIssue[]): ApiIssue[] {
  return issues.map((issue) =>
    issue.field.startsWith('elasticity.') ? { ...issue, field: issue.field.slice('elasticity.'.length) } : issue,
  );
}

/** Form field of the first segment of an API field; null when the form has none. */
export function formFieldForApiField(head: string): FamilyFormField | null {
  return FIELDS.find((f) => f === head) ?? null;
}

/** Issues of the form that can be found before asking the server. */
export function localFamilyIssues(values: FamilyFormValues): Partial<Record<FamilyFormField, string>> {
  const issues: Partial<Record<FamilyFormField, string>> = {};
  for (const field of ['low', 'central', 'high'] as const) if (values[field] === null) issues[field] = 'Valeur attendue.';
  return issues;
}
