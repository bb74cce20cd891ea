import { checkCpv, checkInseeCode, checkSiret, UNIT_CODES } from '@mutualis/core';
import { z } from 'zod';

/**
 * Field schemas shared by every request schema. Each rejection carries a French reason; the
 * server reports it as `details.issues[{ field, reason }]`. Input schemas normalise (SIRET without
 * spaces, CPV without check digit); response schemas are plain so they serialise as-is.
 */

/** Upper bound of any amount: 10^13 cents (100 billion euros), well beyond any public contract. */
export const MAX_CENTS = 10 ** 13;

export const idSchema = z.string().trim().min(1, 'Identifiant manquant.').max(64, 'Identifiant trop long (64 caractères au plus).');

export const siretSchema = z
  .string({ error: 'Le SIRET doit être une chaîne de 14 chiffres.' })
  .transform((raw, ctx) => {
    const result = checkSiret(raw);
    if (result.ok) return result.siret;
    ctx.issues.push({ code: 'custom', message: result.reason, input: raw });
    return z.NEVER;
  })
  .meta({ description: 'SIRET (14 chiffres, clé de Luhn vérifiée)', examples: ['21670482500019'] });

/** A CPV 2008 code, with or without its check digit; normalised to its 8 digits. */
export const cpvSchema = z
  .string({ error: 'Le code CPV doit être une chaîne (ex. 30197630-1).' })
  .transform((raw, ctx) => {
    const result = checkCpv(raw);
    if (result.ok) return result.code;
    ctx.issues.push({ code: 'custom', message: result.reason, input: raw });
    return z.NEVER;
  })
  .meta({ description: 'Code CPV 2008, 8 chiffres avec ou sans clé', examples: ['30197630-1'] });

/** A CPV prefix for filters: 2 to 8 digits (division, group, class...). */
export const cpvPrefixSchema = z.string().regex(/^\d{2,8}$/, 'Préfixe CPV attendu : 2 à 8 chiffres (ex. 30 ou 3019).');

export const inseeCodeSchema = z
  .string({ error: 'Le code INSEE doit être une chaîne de 5 caractères.' })
  .transform((raw, ctx) => {
    const result = checkInseeCode(raw);
    if (result.ok) return result.commune.code;
    ctx.issues.push({ code: 'custom', message: result.reason, input: raw });
    return z.NEVER;
  })
  .meta({ description: 'Code INSEE d’une commune actuelle', examples: ['67482'] });

export const departementCodeSchema = z.string().regex(/^(\d{2,3}|2[AB])$/, 'Code de département attendu (ex. 67, 2A, 974).');

/** True when `value` (YYYY-MM-DD) names a day of the Gregorian calendar. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDateSchema = z
  .string({ error: 'Date attendue au format AAAA-MM-JJ.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ (ex. 2026-01-31).')
  .refine(isCalendarDate, 'Cette date n’existe pas dans le calendrier.')
  .meta({ description: 'Date ISO AAAA-MM-JJ', examples: ['2026-01-31'] });

export const centsSchema = z
  .number({ error: 'Montant attendu : un nombre entier de centimes.' })
  .int('Montant attendu en centimes entiers (sans décimale).')
  .min(0, 'Un montant ne peut pas être négatif.')
  .max(MAX_CENTS, 'Montant trop élevé (10¹³ centimes au plus).')
  .meta({ description: 'Montant HT en centimes d’euro' });

export const quantitySchema = z
  .number({ error: 'Quantité attendue : un nombre.' })
  .positive('Une quantité doit être strictement positive.')
  .max(1e12, 'Quantité trop élevée (10¹² au plus).');

export const unitSchema = z.enum(UNIT_CODES, { error: `Unité inconnue ; unités admises : ${UNIT_CODES.join(', ')}.` });

/** An enum whose rejection lists the admitted values in French. */
export function frenchEnum<const T extends readonly string[]>(values: T, what: string) {
  return z.enum(values, { error: `${what} inconnu(e) ; valeurs admises : ${values.join(', ')}.` });
}

export const labelSchema = z
  .string({ error: 'Libellé attendu.' })
  .trim()
  .min(1, 'Le libellé ne peut pas être vide.')
  .max(300, 'Libellé trop long (300 caractères au plus).');

/** Free-text search: trimmed, at most 100 characters. */
export const searchTextSchema = z.string().trim().max(100, 'Recherche trop longue (100 caractères au plus).');
