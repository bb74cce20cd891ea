import type { LifecycleView } from '@mutualis/contract';

/** What each next step asks for, in the buyer's words. */
export const STEP_ACTIONS: Record<LifecycleView['status'], string> = {
  draft: 'Revenir au projet',
  convention_drafted: 'Déclarer la convention rédigée',
  signed: 'Constater la signature par tous',
  launched: 'Lancer la procédure',
  awarded: 'Déclarer le marché attribué',
  running: 'Démarrer l’exécution du marché',
  closed: 'Clore le marché',
  renewed: 'Reconduire le marché',
};

export const MISSING_LABELS: Record<'signature' | 'deliberation', string> = {
  signature: 'signature de la convention',
  deliberation: 'délibération',
};

/** "12/03/2026" from an ISO date. */
export function frenchDate(iso: string | null): string {
  return iso ? iso.split('-').reverse().join('/') : '—';
}

/** Today as ISO `YYYY-MM-DD` (the browser's local date). */
export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const UNIT_LABELS: Record<string, string> = {
  unit: 'unité',
  pair: 'paire',
  box: 'boîte',
  pack: 'paquet',
  sheet: 'feuille',
  ream: 'ramette',
  hour: 'heure',
  day: 'jour',
  lump_sum: 'forfait',
};

/** French name of a unit code (`unit` → « unité »; t, kg, L stay as they are). */
export function unitLabel(unit: string | null): string {
  return unit === null ? 'unité' : (UNIT_LABELS[unit] ?? unit);
}

/** "t" → "€ HT / t" for unit-price fields. */
export function perUnit(unit: string | null): string {
  return `€ HT / ${unitLabel(unit)}`;
}
