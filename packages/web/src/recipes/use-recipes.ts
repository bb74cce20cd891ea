import { useMemo } from 'react';
import { useApi } from '../api/use-api';
import type { Competence, Recipe } from './recipe-types';

/** Recipes of a territory: the shipped ones (edited there or not) and the territory's own. */
export function useRecipes(slug: string) {
  const state = useApi<{ items: Recipe[] }>(`/territories/${encodeURIComponent(slug)}/recipes`);
  return { ...state, recipes: state.data?.items ?? [] };
}

/** The competence vocabulary (shared by all territories) and its French label per code. */
export function useCompetences() {
  const { data } = useApi<{ items: Competence[] }>('/competences');
  return useMemo(() => {
    const competences = data?.items ?? [];
    const labels = new Map(competences.map((c) => [c.code, c.labelFr] as const));
    return { competences, labelOf: (code: string) => labels.get(code) ?? code };
  }, [data]);
}
