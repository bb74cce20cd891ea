import { useApi } from '../api/use-api';
import type { PurchaseFamily } from './family-types';

/** Purchase families of a territory: shipped with Mutualis and the territory's own. */
export function useFamilies(slug: string) {
  const state = useApi<{ items: PurchaseFamily[] }>(`/territories/${encodeURIComponent(slug)}/families`);
  return { ...state, families: state.data?.items ?? [] };
}
