import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { type FieldErrors, mapIssuesToFields } from '../api/field-errors';
import {
  type FamilyFormField,
  type FamilyFormValues,
  familyBodyFromForm,
  flattenElasticityIssues,
  formFieldForApiField,
  localFamilyIssues,
} from './family-form-values';
import type { PurchaseFamily } from './family-types';

const NO_ERRORS: FieldErrors<FamilyFormField> = { byField: {}, general: [] };

interface UseFamilyFormOptions {
  slug: string;
  initial: FamilyFormValues;
  /** null: a new family. */
  familyId: string | null;
  onSaved: (family: PurchaseFamily) => void;
}

/** Values, inline errors (from the server's field issues) and submission of the family form. */
export function useFamilyForm({ slug, initial, familyId, onSaved }: UseFamilyFormOptions) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [isSaving, setIsSaving] = useState(false);

  const setField = <K extends keyof FamilyFormValues>(field: K, value: FamilyFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, byField: { ...current.byField, [field]: undefined } }));
  };

  const submit = async () => {
    const body = familyBodyFromForm(values);
    if (body === null) {
      setErrors({ byField: localFamilyIssues(values), general: [] });
      return;
    }
    setIsSaving(true);
    const base = `/territories/${encodeURIComponent(slug)}/families`;
    try {
      const saved =
        familyId === null
          ? await api.post<PurchaseFamily>(base, body)
          : await api.put<PurchaseFamily>(`${base}/${encodeURIComponent(familyId)}`, body);
      onSaved(saved);
    } catch (error) {
      if (isApiError(error) && error.issues.length > 0)
        setErrors(mapIssuesToFields(flattenElasticityIssues(error.issues), formFieldForApiField));
      else setErrors({ byField: {}, general: [isApiError(error) ? error.message : 'Enregistrement impossible. Réessayez.'] });
    } finally {
      setIsSaving(false);
    }
  };
  return { values, setField, errors, isSaving, submit };
}
