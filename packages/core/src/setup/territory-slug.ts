import { foldText } from '../cpv/cpv-catalog';

/** Lower-case letters, digits and single hyphens, 2 to 64 characters: the territory's part of every URL. */
export const TERRITORY_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type SlugCheck = { ok: true; slug: string } | { ok: false; reason: string };

/** Checks a territory's short name as typed (trimmed, lower-cased). */
export function checkTerritorySlug(raw: string): SlugCheck {
  const slug = raw.trim().toLowerCase();
  if (slug.length < 2 || slug.length > 64) return { ok: false, reason: 'De 2 à 64 caractères.' };
  if (!TERRITORY_SLUG_PATTERN.test(slug)) {
    return { ok: false, reason: 'Lettres minuscules sans accents, chiffres et tirets simples (ex. pays-basque).' };
  }
  return { ok: true, slug };
}

/** A short name proposed from the territory's name: "Pays Basque – Adour" → "pays-basque-adour". */
export function slugFromName(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
