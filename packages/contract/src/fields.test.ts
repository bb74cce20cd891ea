import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { centsSchema, cpvSchema, inseeCodeSchema, isoDateSchema, siretSchema, unitSchema } from './index';

function reasonOf(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('field schemas', () => {
  it('normalises a SIRET typed with spaces', () => {
    expect(siretSchema.parse('216 704 825 00019')).toBe('21670482500019');
  });

  it.each([
    ['SIRET with a bad Luhn key', siretSchema, '21670482500018', 'clé de contrôle'],
    ['SIRET of 13 digits', siretSchema, '2167048250001', '14 chiffres'],
    ['CPV unknown to CPV 2008', cpvSchema, '99999999', 'n’existe pas'],
    ['CPV with the wrong check digit', cpvSchema, '30197630-2', 'clé de contrôle'],
    ['INSEE code of no commune', inseeCodeSchema, '67999', 'Aucune commune'],
    ['INSEE code of 4 digits', inseeCodeSchema, '6748', '5 caractères'],
    ['date that is not in the calendar', isoDateSchema, '2025-02-29', 'n’existe pas'],
    ['date in French order', isoDateSchema, '31/01/2026', 'AAAA-MM-JJ'],
    ['negative amount', centsSchema, -1, 'négatif'],
    ['amount with decimals', centsSchema, 12.5, 'centimes entiers'],
    ['amount above 10^13', centsSchema, 10 ** 13 + 1, 'trop élevé'],
    ['unknown unit', unitSchema, 'bushel', 'Unité inconnue'],
  ])('refuses a %s with a French reason', (_name, schema, value, reason) => {
    expect(reasonOf(schema as z.ZodType, value)).toContain(reason);
  });

  it('accepts a CPV with or without its check digit and keeps the 8 digits', () => {
    expect(cpvSchema.parse('30197630-1')).toBe('30197630');
    expect(cpvSchema.parse('30197630')).toBe('30197630');
  });

  it('accepts the 29th of February of a leap year', () => {
    expect(isoDateSchema.parse('2024-02-29')).toBe('2024-02-29');
  });
});
