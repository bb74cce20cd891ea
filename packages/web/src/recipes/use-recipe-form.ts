import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import {
  clearFieldErrors,
  localRecipeIssues,
  type RecipeFieldErrors,
  type RecipeFormValues,
  recipeBodyFromForm,
  recipeFieldErrors,
} from './recipe-form-values';
import type { Recipe } from './recipe-types';

const NO_ERRORS: RecipeFieldErrors = { byField: {}, general: [] };

interface UseRecipeFormOptions {
  slug: string;
  initial: RecipeFormValues;
  /** null: a new recipe. */
  recipeId: string | null;
  onSaved: (recipe: Recipe) => void;
}

/** Values, inline errors (from the server's field issues, down to a row's cell) and submission of the recipe form. */
export function useRecipeForm({ slug, initial, recipeId, onSaved }: UseRecipeFormOptions) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [isSaving, setIsSaving] = useState(false);

  /** Sets a field; `touched` is the error key the change makes stale (a row's cells, or the whole list when rows move). */
  const setField = <K extends keyof RecipeFormValues>(field: K, value: RecipeFormValues[K], touched: string = field) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => clearFieldErrors(current, touched));
  };

  const submit = async () => {
    const body = recipeBodyFromForm(values);
    if (body === null) {
      setErrors({ byField: localRecipeIssues(values), general: [] });
      return;
    }
    setIsSaving(true);
    const base = `/territories/${encodeURIComponent(slug)}/recipes`;
    try {
      const saved =
        recipeId === null ? await api.post<Recipe>(base, body) : await api.put<Recipe>(`${base}/${encodeURIComponent(recipeId)}`, body);
      onSaved(saved);
    } catch (error) {
      if (isApiError(error) && error.issues.length > 0) setErrors(recipeFieldErrors(error.issues));
      else setErrors({ byField: {}, general: [isApiError(error) ? error.message : 'Enregistrement impossible. Réessayez.'] });
    } finally {
      setIsSaving(false);
    }
  };
  return { values, setField, errors, isSaving, submit };
}
