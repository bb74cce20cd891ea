import { useState } from 'react';
import { type FieldErrors, mapIssuesToFields } from '../api/field-errors';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import type { Need } from '../api/types';
import { formFieldForApiField, type NeedFormField, type NeedFormValues, needPatchFromForm } from './need-form-values';

const NO_ERRORS: FieldErrors<NeedFormField> = { byField: {}, general: [] };

interface UseNeedFormOptions {
  initial: NeedFormValues;
  organizationId: string;
  /** The need being edited; null to create one. */
  needId: string | null;
  onSaved: (need: Need) => void;
}

/** Form state of one need; the server validates, and its issues land next to their fields. */
export function useNeedForm({ initial, organizationId, needId, onSaved }: UseNeedFormOptions) {
  const [values, setValues] = useState<NeedFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors<NeedFormField>>(NO_ERRORS);
  const [isSaving, setIsSaving] = useState(false);

  const setField = <K extends NeedFormField>(field: K, value: NeedFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (current.byField[field] === undefined) return current;
      const byField = { ...current.byField };
      delete byField[field];
      return { ...current, byField };
    });
  };

  const submit = async () => {
    const missing: Partial<Record<NeedFormField, string>> = {};
    if (!values.cpvCode.trim()) missing.cpvCode = 'Indiquez le code CPV du besoin.';
    if (!values.label.trim()) missing.label = 'Décrivez le besoin en quelques mots.';
    if (Object.keys(missing).length > 0) {
      setErrors({ byField: missing, general: [] });
      return;
    }
    setIsSaving(true);
    setErrors(NO_ERRORS);
    try {
      const fields = needPatchFromForm(values);
      const saved =
        needId === null ? await api.post<Need>('/needs', { organizationId, ...fields }) : await api.patch<Need>(`/needs/${needId}`, fields);
      onSaved(saved);
    } catch (error) {
      if (isApiError(error) && error.issues.length > 0) setErrors(mapIssuesToFields(error.issues, formFieldForApiField));
      else setErrors({ byField: {}, general: [isApiError(error) ? error.message : 'Enregistrement impossible. Réessayez.'] });
    } finally {
      setIsSaving(false);
    }
  };

  return { values, setField, errors, isSaving, submit };
}
