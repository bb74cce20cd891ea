import { describe, expect, test } from 'vitest';
import { derivedAmountCents, EMPTY_NEED_FORM, formFieldForApiField, needPatchFromForm, normalizeCpvCode } from './need-form-values';
import { searchParams } from './use-needs-query';

describe('derivedAmountCents', () => {
  test.each([
    [200, 4.5, 90_000],
    [3, 0.333, 99],
    [null, 4.5, null],
    [200, null, null],
  ])('quantity %s × %s € = %s cents', (quantity, unitPriceEuros, expected) => {
    expect(derivedAmountCents({ quantity, unitPriceEuros })).toBe(expected);
  });
});

describe('normalizeCpvCode', () => {
  test.each([
    ['30197630-1', '30197630'],
    [' 3019 7630 ', '30197630'],
    ['30197630', '30197630'],
    ['papier', 'papier'],
  ])('%s → %s', (typed, expected) => {
    expect(normalizeCpvCode(typed)).toBe(expected);
  });
});

describe('needPatchFromForm', () => {
  test('sends cents, lets the amount derive when none is typed, drops units per pack of other units', () => {
    const body = needPatchFromForm({
      ...EMPTY_NEED_FORM,
      cpvCode: '30197630-1',
      label: '  Papier A4 ',
      quantity: 200,
      unit: 'ream',
      unitsPerPack: 12,
      unitPriceEuros: 4.5,
      deliveryCommunes: [{ code: '67482', name: 'Strasbourg', departementCode: '67' }],
    });
    expect(body).toMatchObject({
      cpvCode: '30197630',
      label: 'Papier A4',
      unit: 'ream',
      unitsPerPack: null,
      unitPriceCents: 450,
      annualAmountCents: null,
      deliveryCommunes: ['67482'],
    });
  });

  test('maps API fields in cents to the euro fields of the form', () => {
    expect(formFieldForApiField('unitPriceCents')).toBe('unitPriceEuros');
    expect(formFieldForApiField('annualAmountCents')).toBe('annualAmountEuros');
    expect(formFieldForApiField('organizationId')).toBeNull();
  });
});

describe('searchParams of the needs list', () => {
  test.each([
    ['3019', { cpv: '3019' }],
    ['30197630-1', { cpv: '30197630' }],
    ['papier', { q: 'papier' }],
    ['  ', {}],
    ['3', { q: '3' }],
  ])('%s', (search, expected) => {
    expect(searchParams(search)).toEqual(expected);
  });
});
