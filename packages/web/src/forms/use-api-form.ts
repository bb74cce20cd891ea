import { type FormEvent, useState } from 'react';
import { isApiError } from '../api/api-error';
import { mapIssuesToFields } from '../api/field-errors';

export interface ApiFormOptions<F extends string> {
  /** The form field an issue of the server names, or null (the issue is then shown above the buttons). */
  fieldFor: (apiField: string) => F | null;
  /** The field errors to show when the server answers 409 (a natural key already taken), for a form that has such a field. */
  conflict?: Partial<Record<F, string>>;
}

/** A form sent to the API: its errors per field, those tied to no field, whether it is being saved, and its submit handler. */
export function useApiForm<F extends string>({ fieldFor, conflict }: ApiFormOptions<F>) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [isSaving, setIsSaving] = useState(false);
  /** The submit handler that runs `send` (the request, then what follows its success) and spreads the server's issues. */
  const submitWith = (send: () => Promise<void>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors({});
    setGeneral([]);
    try {
      await send();
    } catch (caught) {
      if (!isApiError(caught)) setGeneral(['Réessayez dans un instant.']);
      else {
        const mapped = mapIssuesToFields<F>(caught.issues, fieldFor);
        const isConflict = conflict !== undefined && caught.status === 409;
        setErrors(isConflict ? conflict : mapped.byField);
        setGeneral(caught.issues.length === 0 && !isConflict ? [caught.message] : mapped.general);
      }
    } finally {
      setIsSaving(false);
    }
  };
  return { errors, general, isSaving, submitWith };
}
