import { describe, expect, test } from 'vitest';
import { mapIssuesToFields } from './field-errors';

const fieldFor = (apiField: string) => (apiField === 'cpvCode' || apiField === 'deliveryCommunes' ? apiField : null);

describe('mapIssuesToFields', () => {
  test('puts each reason next to its field, indexed paths under the list field', () => {
    const result = mapIssuesToFields(
      [
        { field: 'cpvCode', reason: 'Code CPV inconnu.' },
        { field: 'deliveryCommunes.2', reason: 'Code INSEE inconnu.' },
      ],
      fieldFor,
    );
    expect(result).toEqual({ byField: { cpvCode: 'Code CPV inconnu.', deliveryCommunes: 'Code INSEE inconnu.' }, general: [] });
  });

  test('keeps the first reason of a field and lists issues of unknown fields apart', () => {
    const result = mapIssuesToFields(
      [
        { field: 'cpvCode', reason: 'premier' },
        { field: 'cpvCode', reason: 'second' },
        { field: 'status', reason: 'Statut inconnu.' },
        { field: '', reason: 'Corps invalide.' },
      ],
      fieldFor,
    );
    expect(result).toEqual({ byField: { cpvCode: 'premier' }, general: ['status : Statut inconnu.', 'Corps invalide.'] });
  });
});
